"""Real French words for the synthetic stores: a bilan de compétences
vocabulary with accents (é è ê à â ç ô û ï œ) and elisions written with both
apostrophes (’ and '), weighted roughly like running text (Zipf), so that
common words are common and the rest form a long tail."""

from __future__ import annotations

import itertools
import random

# Function words first: they are most of running text.
FUNCTION_WORDS = """
de la le et les à des en un une du pour que qui dans sur au pas est a par avec
ne se plus il elle ce son sa ses ou mais comme aux très on nous vous leur leurs
cette ces tout tous sans aussi bien encore déjà après avant depuis entre chez
où dont lors même autre autres peu beaucoup toujours jamais souvent parfois
""".split()

# Elided forms, with the typographic apostrophe (what a word processor types)
# and the straight one (what a terminal types): both occur in real notes.
ELIDED = """
l’entretien l’équipe l’expérience l’emploi l’entreprise l’avenir l’objectif
l’accompagnement l’intérêt l’activité l’orientation l’écoute l’évaluation
d’expérience d’emploi d’entreprise d’abord d’autres d’un d’une d’après
qu’elle qu’il qu’on j’ai j’aime n’est n’a s’est s’agit c’est aujourd’hui
l'équipe l'entretien l'expérience l'emploi d'abord d'une qu'elle c'est
n'est j'ai s'est l'avenir d'autres
""".split()

# Content words, most frequent first; "projet" is meant to be in most séances.
CONTENT_WORDS = """
projet candidat candidate compétences séance métier travail formation
expérience poste entreprise objectif piste besoin recherche parcours
professionnel professionnelle emploi reconversion évolution motivation
valeurs intérêts questionnaire test résultats entretien conseillère conseiller
marché secteur équipe responsable management gestion client clients
commerce vente accueil relation relations organisation autonomie rythme
envie crainte difficulté difficultés réussite ressources contraintes famille
enfants conjoint salaire revenus financement dispositif démarches enquête
enquêtes terrain stage immersion réseau contacts rencontre échange échanges
synthèse conclusion préliminaire investigation accompagnement feuille route
délai délais moyens étape étapes calendrier priorité priorités décision choix
alternative hypothèse réflexion prise conscience confiance estime doute
doutes qualités aptitudes savoir-faire savoir-être capacités points forts
axes amélioration retour retours regard bilan situation attentes demande
engagement engagements méthode outils jeu rôle personnalité profil
préférences environnement conditions horaires déplacements mobilité région
ville quartier transport santé fatigue stress équilibre vie personnelle
familiale sociale loisirs passion bénévolat association sport jardinage
cuisine lecture musique photographie dessin couture bricolage informatique
numérique logiciel bureautique tableur comptabilité administratif
administrative secrétariat assistante assistant commerciale commercial
technicien technicienne ingénieur ingénieure infirmière infirmier aide-soignante
éducatrice éducateur enseignante enseignant formatrice formateur artisan
artisane boulangerie pâtisserie fleuriste menuiserie ébénisterie électricité
plomberie maçonnerie coiffure esthétique hôtellerie restauration tourisme
logistique transport entrepôt cariste chauffeur livreur magasinier vendeur
vendeuse caissière caissier banque assurance immobilier notariat juridique
ressources humaines paie recrutement communication marketing graphisme
journalisme édition bibliothèque archives patrimoine culture spectacle
animation petite enfance crèche école collège lycée université diplôme
certification titre qualification validation acquis VAE CPF apprentissage
alternance contrat durée indéterminée déterminée intérim temps partiel plein
création reprise micro-entreprise auto-entrepreneur statut chiffre affaires
étude prévisionnel banque prêt subvention chambre métiers incubateur
accompagnatrice réussir construire vérifier explorer découvrir identifier
préciser valider confirmer abandonner reprendre continuer commencer terminer
rencontrer contacter appeler écrire envoyer préparer rédiger relire corriger
présenter expliquer exprimer raconter décrire évoquer souligner remarquer
constater observer noter comprendre apprendre connaître savoir pouvoir vouloir
devoir falloir aimer préférer souhaiter espérer craindre hésiter douter
choisir décider proposer conseiller orienter accompagner soutenir encourager
rassurer motiver mobiliser organiser planifier anticiper prévoir envisager
imaginer projeter réaliser concrétiser élaborer structurer formaliser
important importante essentiel essentielle nécessaire possible difficile
facile réaliste ambitieux ambitieuse prudent prudente motivé motivée inquiète
inquiet satisfait satisfaite enthousiaste réservé réservée curieux curieuse
rigoureux rigoureuse créatif créative autonome polyvalent polyvalente
relationnel relationnelle manuel manuelle technique pratique théorique
nouveau nouvelle ancien ancienne premier première dernier dernière prochain
prochaine actuel actuelle futur future long longue court courte grand grande
petit petite bon bonne meilleur meilleure clair claire précis précise
rapidement progressivement notamment également surtout plutôt vraiment
clairement finalement ensuite enfin désormais peut-être vraisemblablement
semaine mois année trimestre janvier février mars avril mai juin juillet août
septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi
matin après-midi soir rendez-vous réunion atelier visite salon forum
âge ans expérience années carrière trajectoire rupture conventionnelle
licenciement démission chômage allocation indemnités Pôle France Travail
mission missions tâches responsabilités encadrement hiérarchie collègues
ambiance reconnaissance sens utilité épanouissement plaisir fierté lassitude
usure épuisement burn-out arrêt maladie reprise aménagement handicap RQTH
médecin travail inaptitude reclassement cœur œuvre manœuvre sœur nœud
vœu œil bœuf chœur élève été très où à déjà voilà français française
société sécurité qualité égalité activité créativité capacité réalité
""".split()


def vocabulary() -> tuple[list[str], list[float]]:
    """Words and cumulative weights for ``random.choices``."""
    words: list[str] = []
    weights: list[float] = []
    for rank, word in enumerate(FUNCTION_WORDS):
        words.append(word)
        weights.append(10.0 / (rank + 1) ** 0.8)
    for rank, word in enumerate(ELIDED):
        words.append(word)
        weights.append(1.2 / (rank + 1) ** 0.5)
    for rank, word in enumerate(dict.fromkeys(CONTENT_WORDS)):
        words.append(word)
        weights.append(6.0 / (rank + 3) ** 0.9)
    return words, list(itertools.accumulate(weights))


WORDS, CUM_WEIGHTS = vocabulary()

FIRST_NAMES = """
Amélie Hélène Zoé Chloé Léa Inès Noémie Maëlle Éloïse Clémence Agnès Bérénice
Céline Mélanie Sévérine Gaëlle Anaïs Joëlle Renée Françoise Geneviève Thérèse
Jérôme François Noël Raphaël Gaël Loïc Benoît Célestin Éric Frédéric Hervé
Jérémy Médéric Stéphane Sébastien André René Joël Théo Mathéo Adèle Ève
Nathalie Sophie Julie Camille Marie Anne Claire Isabelle Sylvie Karine Paul
Pierre Jean Luc Marc Thomas Nicolas Julien Antoine Olivier Philippe Yann Karim
Samira Fatoumata Mamadou Nguyen Linh Thi Wei Aurélien Aurélie Ludovic Maxime
""".split()

LAST_NAMES = """
Dubœuf Lefèvre Chaussée Marchand Nguyen Bérard Lemaître Pâris Hébert Gérard
Févret Noël Mérieux Crétin Thérond Béranger Séguin Guérin Bénard Dupré Lévêque
Lacôte Mézière Ménard Périer Rivière Besançon Garçon Françon Vallée Chênevière
Moreau Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Simon
Laurent Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André
Mercier Blanc Boyer Faure Rousseau Lambert Bonnet François Legrand Gauthier
Perrin Robin Clément Morin Henry Roussel Mathieu Gautier Masson Marchal Duval
Denis Dumont Lemoine Aubert Barbier Brun Schmitt Meunier Leclerc Colin Caron
Diallo Traoré Benali Haddad Mansouri Tran Pham Lê Ferreira Da Silva Lopes
""".split()

CONSULTANTS = [
    "Inès Bouchard", "Marc Lévêque", "Sophie Carré", "Étienne Faure", "Nadia Benhamou",
    "Julien Mercier", "Claire Dupré", "Hervé Gaudin", "Léa Martin", "Yasmine Roche",
    "Benoît Chevalier", "Agnès Perret", "Thierry Morel", "Céline Vasseur", "Paul Ménard",
    "Françoise Giraud", "Karim Saïdi", "Aurélie Dumas", "Noël Garnier", "Élodie Picard",
]

TOOLS = [
    "Questionnaire d’intérêts professionnels", "Test de personnalité", "Inventaire des valeurs",
    "Jeu de rôle : entretien d’embauche", "Carte des compétences", "Tri de cartes métiers",
    "Enquête métier", "Questionnaire de motivation", "Portefeuille de compétences",
    "Ligne de vie", "Blason", "Test d’aptitudes logiques",
]

OBJECTIVES = [
    "Valider le projet de reconversion auprès de professionnels",
    "Obtenir une certification reconnue dans le métier visé",
    "Réaliser un stage d’immersion en entreprise",
    "Construire un réseau de contacts dans le secteur",
    "Rédiger un CV orienté compétences",
    "Préparer les entretiens d’embauche",
    "Étudier le financement de la formation (CPF, Transitions Pro)",
    "Rencontrer la chambre des métiers",
    "Élaborer un prévisionnel financier",
    "Négocier un aménagement du poste actuel",
    "Suivre une formation qualifiante à la rentrée",
    "Tester l’activité en micro-entreprise",
    "Faire valider les acquis de l’expérience (VAE)",
    "Identifier trois employeurs cibles dans la région",
    "Préparer la reprise après l’arrêt maladie",
    "Déposer un dossier de financement",
    "Prendre contact avec France Travail",
    "Visiter le salon de l’emploi et de la formation",
]

MEANS = [
    "Enquêtes auprès de trois professionnels", "Plateforme CPF et conseiller en évolution professionnelle",
    "Réseau d’anciens collègues", "Atelier CV de France Travail", "Rendez-vous avec l’organisme de formation",
    "Simulation d’entretien avec la consultante", "Lecture des fiches ROME", "Appui de la CCI",
    "Entretien avec le manager et les ressources humaines", "Journée portes ouvertes",
]

# Planted for the "rare word" searches: few séances, and an accent that
# ripgrep cannot fold ("kinesiologue" typed by a reviewer).
RARE_WORDS = {"kinésiologue": (1000, 7), "ornithorynque": (2500, 11), "xylophoniste": (1500, 5)}


def sentence(rng: random.Random, low: int = 7, high: int = 22) -> str:
    words = rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=rng.randint(low, high))
    if rng.random() < 0.35:
        words.insert(rng.randrange(1, len(words)), rng.choice([",", ";", ":"]))
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 30)}")
    text = " ".join(words).replace(" ,", ",")
    text = text[0].upper() + text[1:]
    end = rng.choices([".", ".", ".", " !", " ?", "…"], k=1)[0]
    if rng.random() < 0.08:
        return f"{text} : « {' '.join(rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=rng.randint(3, 8)))} »{end}"
    return text + end

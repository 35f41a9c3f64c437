package seeds

import "github.com/entraide/entraide/models"

const (
	pub  = models.MissionPublished
	sub  = models.MissionSubmitted
	drf  = models.MissionDraft
	rej  = models.MissionRejected
	cls  = models.MissionClosed
	cncl = models.MissionCancelled
)

// demoOrgs are believable organisations in Marseille, Aix-en-Provence,
// Lyon and Paris, with missions across every category and state.
var demoOrgs = []seedOrg{
	{"Banque alimentaire des Quartiers Nord", "association", "W133000101", "14 boulevard de la Padouane", "13015",
		"Collecte et redistribution de denrées pour 40 associations partenaires des quartiers nord de Marseille.", models.OrgVerified, []seedMission{
			{"Tri des denrées du samedi matin", "Trier les fruits, légumes et produits secs reçus dans la semaine, vérifier les dates et préparer les palettes pour les associations.", "food_aid", []string{"food_sorting", "handling"}, []string{"fr"}, false, false, false, pub, []int{2, 9, 16, 23}, 8},
			{"Distribution de colis alimentaires", "Accueillir les familles, remettre les colis et orienter vers les services sociaux du quartier.", "food_aid", []string{"distribution", "reception"}, []string{"fr", "ar"}, false, true, false, pub, []int{1, 3, 5}, 6},
			{"Chauffeur-livreur pour les ramasses en supermarché", "Conduire le camion (permis B) pour récupérer les invendus dans trois supermarchés partenaires.", "logistics", []string{"driving", "handling"}, nil, false, false, false, pub, []int{4, 11}, 2},
			{"Collecte nationale de novembre", "Tenir un point de collecte à l'entrée d'un magasin et expliquer l'action aux clients.", "food_aid", []string{"communication"}, nil, false, false, false, cls, []int{-10}, 20},
		}},
	{"Habitat Solidaire Méditerranée — cellule Lien aux locataires", "social_landlord", "", "2 rue Colbert", "13001",
		"Le bailleur social mobilise des bénévoles pour garder le lien avec ses locataires âgés et isolés.", models.OrgVerified, []seedMission{
			{"Appels de convivialité aux locataires âgés", "Appeler chaque semaine des locataires de plus de 75 ans, prendre des nouvelles et signaler les besoins à l'équipe.", "tele_volunteering", []string{"phone_calls", "listening"}, []string{"fr", "it", "ar"}, true, true, true, pub, []int{1, 2, 3, 4, 5}, 10},
			{"Visites de convivialité à domicile", "Rendre visite à des locataires isolés, partager un café, accompagner une promenade.", "isolated_people", []string{"companionship", "elderly_care"}, nil, false, false, true, pub, []int{6, 13}, 4},
			{"Aide aux démarches en ligne des locataires", "Accompagner les locataires pour leurs démarches CAF, impôts et bailleur sur ordinateur.", "digital_help", []string{"online_procedures", "computer_basics"}, nil, false, false, false, sub, []int{8, 15}, 3},
			{"Fête des voisins de la résidence", "Installer, animer et ranger la fête des voisins de la résidence Colbert.", "other", []string{"event_organisation", "animation"}, nil, false, false, false, drf, []int{30}, 12},
		}},
	{"Allô Aînés Provence", "association", "W133000102", "8 cours Mirabeau", "13100",
		"Cellule de télé-bénévolat qui appelle les personnes âgées isolées du pays d'Aix.", models.OrgVerified, []seedMission{
			{"Télé-bénévolat : appeler des aînés isolés", "Depuis chez vous, appeler deux à trois personnes âgées par semaine. Formation à l'écoute assurée.", "tele_volunteering", []string{"phone_calls", "listening"}, []string{"fr"}, true, false, true, pub, []int{1, 8, 15, 22}, 15},
			{"Appels en arabe et en berbère", "Appeler des aînés arabophones ou kabylophones isolés et faire le lien avec leurs familles.", "tele_volunteering", []string{"phone_calls", "translation"}, []string{"ar", "fr"}, true, true, true, pub, []int{2, 9}, 5},
			{"Courses pour personnes âgées confinées", "Faire les courses et les déposer sur le palier, en respectant les consignes sanitaires.", "isolated_people", []string{"shopping_errands", "delivery"}, nil, false, false, true, pub, []int{3, 10, 17}, 6},
			{"Atelier tablette pour seniors", "Animer un atelier d'initiation à la tablette pour six personnes âgées.", "digital_help", []string{"computer_basics"}, nil, false, false, false, rej, []int{12}, 2},
		}},
	{"Maison des travailleurs migrants de Saint-Louis", "association", "W133000103", "27 boulevard Grawitz", "13016",
		"Accompagnement des résidents des foyers de travailleurs migrants : accès aux droits, santé, langue.", models.OrgVerified, []seedMission{
			{"Permanence d'accès aux droits en arabe", "Aider les résidents à comprendre leurs courriers (retraite, CAF, santé) et à prendre rendez-vous.", "isolated_people", []string{"admin_paperwork", "translation"}, []string{"ar", "fr"}, false, true, false, pub, []int{2, 4, 9, 11}, 3},
			{"Cours de français pour résidents", "Animer un atelier de français oral pour des résidents âgés, niveau débutant.", "education", []string{"french_teaching", "literacy"}, []string{"fr", "wo", "bm"}, false, false, false, pub, []int{3, 10, 17, 24}, 4},
			{"Interprète soninké pour les consultations", "Accompagner des résidents lors de consultations médicales et traduire.", "health_support", []string{"translation"}, []string{"fr"}, false, false, false, drf, []int{5}, 2},
			{"Accompagnement à la vaccination", "Accompagner les résidents au centre de vaccination et les aider pour les formulaires.", "health_support", []string{"elderly_care", "admin_paperwork"}, []string{"fr", "ar"}, false, true, false, sub, []int{6, 7}, 4},
		}},
	{"Réseau Garde Soignants Lyon", "association", "W691000104", "5 place Bellecour", "69002",
		"Réseau de garde d'enfants pour les soignants des Hospices civils de Lyon pendant leurs gardes.", models.OrgVerified, []seedMission{
			{"Garde d'enfants de soignants en horaires décalés", "Garder à domicile les enfants de soignants pendant leur service. Extrait de casier judiciaire demandé.", "childcare", []string{"childcare"}, nil, false, true, true, pub, []int{1, 2, 3, 4, 5, 6}, 2},
			{"Aide aux devoirs des enfants de soignants", "Accompagner les devoirs en visio ou à domicile pendant que les parents travaillent.", "education", []string{"homework_help", "tutoring"}, nil, true, false, true, pub, []int{2, 4, 9}, 6},
			{"Sorties au parc le mercredi", "Encadrer un petit groupe d'enfants au parc de la Tête d'Or avec un animateur.", "childcare", []string{"childcare", "sport"}, nil, false, false, true, sub, []int{7, 14}, 3},
			{"Garde pendant les vacances de février", "Garde d'enfants pendant les vacances scolaires.", "childcare", []string{"childcare"}, nil, false, false, true, cncl, []int{40}, 4},
		}},
	{"Épicerie solidaire de la Croix-Rousse", "association", "W691000105", "12 boulevard de la Croix-Rousse", "69004",
		"Épicerie solidaire à prix réduits pour les familles orientées par les travailleurs sociaux.", models.OrgVerified, []seedMission{
			{"Tenue de la caisse de l'épicerie", "Tenir la caisse et accueillir les bénéficiaires avec bienveillance.", "food_aid", []string{"reception", "accounting"}, nil, false, false, false, pub, []int{1, 3, 8, 10}, 2},
			{"Mise en rayon et gestion du stock", "Réceptionner les livraisons et mettre en rayon.", "logistics", []string{"warehouse", "handling"}, nil, false, false, false, pub, []int{2, 9}, 3},
			{"Atelier cuisine anti-gaspi", "Animer un atelier cuisine avec les produits de l'épicerie.", "food_aid", []string{"cooking", "animation"}, []string{"fr", "es"}, false, false, false, pub, []int{12}, 2},
			{"Communication sur les réseaux sociaux", "Publier les nouvelles de l'épicerie et les besoins de bénévoles.", "other", []string{"social_media", "communication"}, nil, true, false, false, drf, []int{20}, 1},
		}},
	{"Ville de Lyon — Centre communal d'action sociale", "local_authority", "", "1 place de la Comédie", "69001",
		"Le CCAS coordonne la solidarité municipale : plan grand froid, canicule, isolement.", models.OrgVerified, []seedMission{
			{"Plan canicule : appels aux personnes inscrites", "Appeler les personnes inscrites au registre canicule et déclencher une visite si besoin.", "tele_volunteering", []string{"phone_calls"}, nil, true, true, false, pub, []int{1, 2, 3}, 20},
			{"Maraude du soir avec le Samu social", "Aller à la rencontre des personnes sans abri avec une équipe de professionnels.", "isolated_people", []string{"listening", "mediation"}, nil, false, false, true, pub, []int{2, 5, 9}, 4},
			{"Accueil au gymnase d'hébergement d'urgence", "Accueillir les personnes hébergées, servir la soupe, préparer les lits.", "isolated_people", []string{"reception", "cooking"}, nil, false, true, false, pub, []int{1, 2, 3, 4}, 8},
			{"Distribution de masques en mairie", "Distribuer des masques au public.", "health_support", []string{"distribution"}, nil, false, false, false, cls, []int{-20}, 10},
		}},
	{"Les Restos du Cœur — Paris 18e", "association", "W751000106", "45 rue Marcadet", "75018",
		"Centre de distribution alimentaire et d'aide à la personne du 18e arrondissement.", models.OrgVerified, []seedMission{
			{"Distribution alimentaire du mardi", "Préparer et remettre les paniers aux personnes inscrites.", "food_aid", []string{"distribution", "handling"}, []string{"fr", "en"}, false, false, false, pub, []int{1, 8, 15}, 10},
			{"Accueil et inscription des bénéficiaires", "Recevoir les personnes, vérifier les justificatifs et les inscrire.", "food_aid", []string{"reception", "admin_paperwork"}, []string{"fr", "ar", "ta"}, false, false, false, pub, []int{2, 9}, 3},
			{"Atelier d'aide à la recherche d'emploi", "Aider à rédiger un CV et à chercher des offres.", "education", []string{"writing", "computer_basics"}, nil, false, false, false, sub, []int{6, 13}, 2},
			{"Cuisine du repas chaud", "Préparer le repas chaud servi le jeudi soir.", "food_aid", []string{"cooking"}, nil, false, false, false, pub, []int{4, 11, 18}, 5},
		}},
	{"Emmaüs Connect Paris", "association", "W751000107", "7 rue de la Chapelle", "75018",
		"Inclusion numérique : recharges, équipement et accompagnement des personnes en précarité.", models.OrgVerified, []seedMission{
			{"Permanence d'aide numérique", "Aider les personnes à utiliser leur smartphone, créer une adresse e-mail, accéder à leurs droits en ligne.", "digital_help", []string{"computer_basics", "online_procedures"}, []string{"fr", "en", "ar"}, false, false, false, pub, []int{1, 3, 8, 10}, 4},
			{"Reconditionnement d'ordinateurs", "Tester, nettoyer et réinstaller des ordinateurs donnés.", "digital_help", []string{"web_development", "diy"}, nil, false, false, false, pub, []int{5, 12}, 6},
			{"Aide numérique à distance", "Guider par téléphone des personnes bloquées dans une démarche en ligne.", "digital_help", []string{"online_procedures", "phone_calls"}, nil, true, false, false, pub, []int{2, 4, 6}, 8},
			{"Formation des bénévoles aux outils", "Former les nouveaux bénévoles.", "education", []string{"tutoring"}, nil, false, false, false, drf, []int{25}, 10},
		}},
	{"Secours populaire — Aix-en-Provence", "association", "W131000108", "10 avenue de l'Europe", "13090",
		"Aide alimentaire, vestimentaire et accès aux vacances pour les familles du pays d'Aix.", models.OrgVerified, []seedMission{
			{"Vestiaire solidaire : tri des vêtements", "Trier et ranger les dons de vêtements par taille et par saison.", "logistics", []string{"food_sorting", "sewing"}, nil, false, false, false, pub, []int{2, 6, 9}, 6},
			{"Accompagnement des familles en vacances", "Accompagner des familles lors d'une journée à la mer.", "childcare", []string{"childcare", "animation"}, nil, false, false, true, pub, []int{20}, 4},
			{"Collecte de jouets de Noël", "Tenir un stand de collecte de jouets dans une galerie commerciale.", "other", []string{"communication", "fundraising"}, nil, false, false, false, pub, []int{14, 15}, 8},
			{"Soutien scolaire au local", "Aider des collégiens en mathématiques et en français.", "education", []string{"tutoring", "homework_help"}, nil, false, false, true, rej, []int{10}, 3},
		}},
	{"Fondation Entreprises Solidaires Rhône", "company_foundation", "", "20 rue de la Part-Dieu", "69003",
		"Fondation d'entreprises qui soutient l'engagement des salariés dans les associations lyonnaises.", models.OrgVerified, []seedMission{
			{"Mentorat de jeunes en insertion", "Accompagner un jeune de 18 à 25 ans dans son projet professionnel, une heure par semaine.", "education", []string{"management", "writing"}, nil, true, false, false, pub, []int{3, 10, 17}, 10},
			{"Journée solidaire : rénovation d'un local associatif", "Peindre et rénover le local d'une association de quartier.", "other", []string{"diy"}, nil, false, false, false, pub, []int{21}, 15},
			{"Conseil en comptabilité pour associations", "Aider de petites associations à tenir leurs comptes.", "other", []string{"accounting"}, nil, true, false, false, sub, []int{9}, 3},
			{"Course solidaire", "Encadrer une course caritative.", "other", []string{"sport", "event_organisation"}, nil, false, false, false, cncl, []int{35}, 20},
		}},
	{"Croix-Rouge — unité locale de Marseille Centre", "association", "W133000109", "3 rue Saint-Ferréol", "13001",
		"Secourisme, aide alimentaire d'urgence et lutte contre l'isolement.", models.OrgVerified, []seedMission{
			{"Croix-Rouge chez vous : livraison de courses", "Livrer des courses et des médicaments à des personnes vulnérables confinées.", "isolated_people", []string{"delivery", "driving"}, nil, false, true, true, pub, []int{1, 2, 3, 4, 5}, 6},
			{"Poste de secours lors d'un concert", "Tenir un poste de secours (PSC1 exigé).", "health_support", []string{"first_aid"}, nil, false, false, false, pub, []int{13}, 8},
			{"Écoute téléphonique de soutien psychologique", "Écoute bienveillante de personnes en détresse, avec supervision.", "health_support", []string{"psychology", "listening"}, nil, true, false, true, pub, []int{2, 5, 8}, 6},
			{"Formation PSC1 du samedi", "Aider le formateur lors d'une session PSC1.", "education", []string{"first_aid"}, nil, false, false, false, sub, []int{16}, 2},
		}},
	{"Ville d'Aix-en-Provence — Maison de la solidarité", "local_authority", "", "Place de l'Hôtel de Ville", "13100",
		"Service municipal qui coordonne les bénévoles de la commune.", models.OrgPending, []seedMission{
			{"Accueil à la maison de la solidarité", "Accueillir et orienter le public.", "other", []string{"reception"}, nil, false, false, false, drf, []int{8}, 2},
			{"Lecture à voix haute en EHPAD", "Lire le journal et des romans aux résidents d'un EHPAD.", "isolated_people", []string{"reading_aloud", "companionship"}, nil, false, false, true, drf, []int{9, 16}, 3},
			{"Jardin partagé du quartier Encagnane", "Entretenir le jardin partagé avec les habitants.", "other", []string{"gardening"}, nil, false, false, false, drf, []int{5, 12}, 6},
			{"Ateliers numériques à la médiathèque", "Animer des ateliers numériques.", "digital_help", []string{"computer_basics"}, nil, false, false, false, drf, []int{11}, 4},
		}},
	{"Association Sourds Solidaires Paris", "association", "W751000110", "15 rue de Rivoli", "75004",
		"Accessibilité et lien social pour les personnes sourdes et malentendantes.", models.OrgVerified, []seedMission{
			{"Interprétariat LSF pour rendez-vous administratifs", "Accompagner des personnes sourdes à leurs rendez-vous et interpréter en LSF.", "health_support", []string{"sign_language", "admin_paperwork"}, nil, false, false, false, pub, []int{3, 7, 14}, 2},
			{"Café-signes du jeudi", "Animer un café convivial en langue des signes.", "isolated_people", []string{"sign_language", "animation"}, nil, false, false, false, pub, []int{4, 11}, 3},
			{"Sous-titrage de vidéos", "Sous-titrer des vidéos de prévention santé.", "health_support", []string{"writing"}, nil, true, false, false, pub, []int{5, 19}, 5},
			{"Visite guidée accessible", "Accompagner une visite de musée.", "other", []string{"sign_language"}, nil, false, false, false, cls, []int{-5}, 4},
		}},
	{"Cuisine Partagée Belleville", "other", "W751000111", "88 boulevard de Belleville", "75020",
		"Collectif d'habitants qui cuisine pour les personnes à la rue et les familles hébergées à l'hôtel.", models.OrgRejected, []seedMission{
			{"Préparation de repas pour l'hôtel social", "Cuisiner des repas pour des familles hébergées à l'hôtel.", "food_aid", []string{"cooking"}, []string{"fr", "zh"}, false, false, false, drf, []int{3}, 6},
			{"Livraison de repas à vélo", "Livrer les repas à vélo dans le 20e.", "logistics", []string{"delivery"}, nil, false, false, false, drf, []int{4}, 4},
			{"Collecte d'invendus au marché", "Récupérer les invendus du marché de Belleville.", "food_aid", []string{"handling"}, nil, false, false, false, drf, []int{6}, 3},
			{"Maraude alimentaire du dimanche", "Distribuer des repas aux personnes à la rue.", "food_aid", []string{"distribution", "listening"}, nil, false, false, false, drf, []int{7}, 5},
		}},
}

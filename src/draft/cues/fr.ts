import type { LanguageCues } from './types.js';

/** French cues. Every relation cue carries the real sentence it was written from. */
export const FRENCH: LanguageCues = {
  relations: [
    // --- CHAIRED -------------------------------------------------------------------------------
    {
      id: 'fr.chaired.preside-par',
      type: 'CHAIRED',
      pattern: '{to:M}…présidée?s? par ~{from:A}',
      confidence: 0.9,
      example: 'Ce débat de haut niveau, présidé par le Président vietnamien Nguyên Xuân Phuc',
    },
    {
      id: 'fr.chaired.preside-par-focus',
      type: 'CHAIRED',
      pattern: '(?:présidée?s?|dirigée?s?|co-présidée?s?) (?:\\p{L}+ )?par ~{from:A}',
      confidence: 0.75,
      example: 'Cet évènement, qui sera dirigé virtuellement par le Président Nguyên Xuân Phuc',
    },
    {
      id: 'fr.chaired.presidant',
      type: 'CHAIRED',
      pattern: 'présidant (?:la session|la réunion|le débat|les travaux), ~{from:A}',
      confidence: 0.85,
      example: 'Présidant la session, le Président vietnamien, Nguyên Xuân Phuc',
    },
    {
      id: 'fr.chaired.menera',
      type: 'CHAIRED',
      pattern:
        '{from:A}, en tant que président…(?:mènera|a mené|dirigera|a dirigé|présidera|a présidé) ~{to:M}',
      confidence: 0.85,
      example:
        'Le Vietnam, en tant que président du Conseil de sécurité des Nations Unies (ONU) en avril, mènera ce lundi un débat de haut niveau',
    },
    {
      id: 'fr.chaired.a-preside',
      type: 'CHAIRED',
      pattern: '{from:A} (?:a présidé|présidera|préside|a coprésidé|coprésidera) ~{to:M}',
      confidence: 0.85,
      example: 'La ministre Amélie Ferrand a présidé la réunion ministérielle',
    },
    // --- ORGANIZED and HOSTED -------------------------------------------------------------------
    {
      id: 'fr.organized.meeting-of',
      type: 'ORGANIZED',
      pattern: "{to:M} (?:du|de la|de l'|des) {from:O}",
      confidence: 0.7,
      example: 'Ce débat de haut niveau du Conseil de sécurité contribue à promouvoir le succès',
    },
    {
      id: 'fr.organized.organise-par',
      type: 'ORGANIZED',
      pattern: '{to:M}…organisée?s? par ~{from:A}',
      confidence: 0.9,
      example: "Le forum, organisé par l'Union africaine, s'est tenu à Dakar",
    },
    {
      id: 'fr.hosted.accueilli-par',
      type: 'HOSTED',
      pattern: '{to:M}…(?:accueillie?s?|hébergée?s?) par ~{from:O}',
      confidence: 0.85,
      example: 'La conférence, accueillie par le Sénégal, a réuni vingt délégations',
    },
    // --- PARTICIPATED_IN ------------------------------------------------------------------------
    {
      id: 'fr.participated.verra-la-participation',
      type: 'PARTICIPATED_IN',
      pattern: "{to:M} verra la participation (?:du|de la|de l'|des) ~{from:A}",
      role: 'participant',
      confidence: 0.85,
      example:
        'le débat de haut niveau verra la participation du Secrétaire général des Nations Unies, António Guterres',
    },
    {
      id: 'fr.participated.a-participe',
      type: 'PARTICIPATED_IN',
      pattern:
        '{from:A} (?:a participé|ont participé|participera|a pris part|ont pris part|prendra part) (?:à|au|aux) ~{to:M}',
      role: 'participant',
      confidence: 0.85,
      example: 'Le Kenya a pris part au sommet de Nairobi',
    },
    {
      id: 'fr.participated.allocution-ouverture',
      type: 'PARTICIPATED_IN',
      pattern: "(?:allocution|discours) d'ouverture, ~{from:P}",
      role: 'opening_speaker',
      confidence: 0.8,
      example:
        "Dans son allocution d'ouverture, le vice-ministre vietnamien des Affaires étrangères, Nguyen Quoc Dung",
    },
    {
      id: 'fr.participated.a-declare',
      type: 'PARTICIPATED_IN',
      pattern:
        '{from:P},? (?:a|ont) (?:déclaré|affirmé|souligné|indiqué|estimé|rappelé|appelé|proposé|annoncé)',
      role: 'speaker',
      confidence: 0.6,
      example:
        "Khaled Khiari, a déclaré que les Nations Unies étaient prêtes à collaborer étroitement avec l'ASEAN",
    },
    {
      id: 'fr.participated.chef-delegation',
      type: 'PARTICIPATED_IN',
      pattern: "{from:P}, ~chef de (?:la )?délégation ~(?:aux?|à la|à l') {to:M}",
      role: 'delegation_head',
      confidence: 0.8,
      example:
        'Nguyen Quoc Dung, également chef de la délégation vietnamienne aux réunions des hauts fonctionnaires',
    },
    // --- HELD_IN and PART_OF --------------------------------------------------------------------
    {
      id: 'fr.held-in.s-est-ouvert-a',
      type: 'HELD_IN',
      pattern:
        "{from:M}…(?:s'est ouverte?|s'est tenue?|a eu lieu|se tiendra|s'ouvrira|s'est déroulée?|se déroulera) (?:à|au) {to:L}",
      confidence: 0.9,
      example:
        "Le cinquième Dialogue régional sur la coopération politique et de sécurité ASEAN - ONU s'est ouvert à Hanoï",
    },
    {
      id: 'fr.part-of.dans-le-cadre',
      type: 'PART_OF',
      pattern: "{from:M}…dans le cadre (?:du|de la|de l'|des) ~{to:M}",
      confidence: 0.85,
      example: "s'est ouvert à Hanoï le 3 décembre dans le cadre du septième atelier ASEAN-ONU",
    },
    // --- MEMBER_OF and PRESIDED -----------------------------------------------------------------
    {
      id: 'fr.member-of.non-permanent',
      type: 'MEMBER_OF',
      pattern: "{from:O}…en tant que membre non permanent (?:du|de la|de l') {to:O}",
      role: 'non_permanent_member',
      confidence: 0.85,
      example:
        "l'engagement du Vietnam, en tant que membre non permanent du Conseil de sécurité des Nations unies pour la période 2020-2021",
    },
    {
      id: 'fr.member-of.membre-de',
      type: 'MEMBER_OF',
      pattern: "{from:O}[^.;]{0,40}?en tant que membre (?:du|de la|de l'|des) {to:O}",
      role: 'member',
      confidence: 0.75,
      example: 'la responsabilité du Vietnam en tant que membre de l’ASEAN',
    },
    {
      id: 'fr.member-of.autres-pays-membres',
      type: 'MEMBER_OF',
      pattern:
        "{from:O}[^.;]{0,200}?aux côtés des autres (?:pays|États) membres (?:du|de la|de l'|des) {to:O}",
      role: 'member',
      confidence: 0.7,
      example:
        "l'engagement du Vietnam, en tant que membre non permanent du Conseil de sécurité des Nations unies pour la période 2020-2021, à promouvoir la paix régionale et mondiale aux côtés des autres pays membres de l'ASEAN",
    },
    {
      id: 'fr.participated.participation-de-personne',
      type: 'PARTICIPATED_IN',
      pattern: "{to:M} verra la participation (?:du|de la|de l'|des) {from:O}",
      role: 'participant',
      confidence: 0.8,
      example: "le sommet verra la participation de l'Union africaine",
    },
    {
      id: 'fr.presided.en-tant-que-president',
      type: 'PRESIDED',
      pattern: "{from:A}, en tant que président(?:e)? (?:du|de la|de l') {to:O}",
      confidence: 0.8,
      example:
        'Le Vietnam, en tant que président du Conseil de sécurité des Nations Unies (ONU) en avril',
    },
    {
      id: 'fr.presided.assure-la-presidence',
      type: 'PRESIDED',
      pattern:
        "{from:A}…(?:assure|assurera|a assuré|exerce) la présidence (?:tournante )?(?:du|de la|de l') {to:O}",
      confidence: 0.8,
      example: "Le Ghana assure la présidence tournante de la CEDEAO pour l'année 2024",
    },
    // --- FIRST_SINCE and CONTRIBUTED_TO --------------------------------------------------------
    {
      id: 'fr.first-since.premier-depuis',
      type: 'FIRST_SINCE',
      pattern:
        "{from:M} (?:sera|est|a été|était|fut) (?:le premier|la première)[^.;]{0,120}? depuis (?:le |la |l' ?)?{to:M}",
      confidence: 0.85,
      example:
        'Ce débat sera le premier évènement diplomatique multilatéral important du Président vietnamien depuis le XIIIe Congrès national du parti',
    },
    {
      id: 'fr.contributed.resultats-de',
      type: 'CONTRIBUTED_TO',
      pattern:
        "{from:M}…contribu\\p{L}* à (?:promouvoir|renforcer|consolider)[^.;]{0,100}? (?:les )?(?:résultats|acquis|travaux) (?:du|de la|de l' ?|des) {to:M}",
      confidence: 0.75,
      example:
        'Ce débat de haut niveau du Conseil de sécurité contribue à promouvoir le succès de la présidence de l’Année 2020 de l’ASEAN et les résultats de la réunion du Conseil de sécurité',
    },
    {
      id: 'fr.contributed.en-ayant-des-contributions',
      type: 'CONTRIBUTED_TO',
      pattern:
        "{from:A} (?:a|ont|avait|avaient) [^.;]{0,160}?, en (?:ayant|apportant) (?:des |de |une |sa |ses )?contributions? (?:\\p{L}+ )?(?:aux?|à la) (?:activités|travail|travaux)(?: \\p{L}+)?[^.;⟦]{0,40}? (?:du|de la|de l' ?|des) {to:O}",
      confidence: 0.7,
      example:
        'En 2020, le Vietnam a achevé avec succès la première année de son mandat en tant que membre non permanent du Conseil de sécurité, en ayant des contributions exceptionnelles aux activités importantes de cet organe et des Nations Unies',
    },
    {
      id: 'fr.contributed.et-sa-contribution',
      type: 'CONTRIBUTED_TO',
      pattern:
        "{from:A} et (?:sa|son|ses|leur|leurs) contributions? (?:au|aux|à la) (?:travail|travaux|activités)(?: \\p{L}+)? (?:du|de la|de l' ?|des) {to:O}",
      confidence: 0.75,
      example:
        'la participation proactive et active du Vietnam et sa contribution au travail conjoint du Conseil de sécurité',
    },
    // --- PROPOSED, COMMITTED_TO, COOPERATED_WITH, HAD_MOTTO, ADOPTED ---------------------------
    {
      id: 'fr.proposed.a-propose',
      type: 'PROPOSED',
      pattern:
        '{from:A},? (?:a|ont) (?:également |aussi )?(?:proposé|appelé|recommandé|préconisé)(?: à| de)?[^.;⟦]{0,60}?{to:T}',
      confidence: 0.8,
      example:
        'Awa Ndiaye Sarr, a appelé à renforcer la coopération régionale en matière de gestion des ressources hydriques',
    },
    {
      id: 'fr.proposed.il-a-propose',
      type: 'PROPOSED',
      pattern:
        '(?:^|[.;]\\s*)(?:il|elle|le (?:vice-)?ministre|la (?:vice-)?ministre|le (?:vice-)?président|la (?:vice-)?présidente|le secrétaire général) (?:a|avait) (?:également |aussi )?(?:proposé|appelé|recommandé|préconisé)(?: à| de)?[^.;⟦]{0,30}?{to:T}',
      anaphor: 'person',
      confidence: 0.7,
      example: 'Le vice-ministre a appelé à renforcer la coopération entre l’ASEAN et l’ONU',
    },
    {
      id: 'fr.committed.engagement-de',
      type: 'COMMITTED_TO',
      pattern:
        "(?:l'engagement|la détermination) (?:du|de la|de l' ?|des) {from:A}[^.;]{0,140}? à (?:promouvoir|renforcer|défendre|soutenir|préserver) (?:la |le |les |l' ?)?{to:T}",
      confidence: 0.8,
      example:
        "Nguyen Quoc Dung a affirmé l'engagement du Vietnam, en tant que membre non permanent du Conseil de sécurité des Nations unies pour la période 2020-2021, à promouvoir la paix régionale et mondiale",
    },
    {
      id: 'fr.committed.pret-a-promouvoir',
      type: 'COMMITTED_TO',
      pattern:
        "{from:A} (?:étaient|était|sont|est|seront|sera|se sont dits?|se sont dites?|s'est dite?) (?:prête?s?|disposée?s?|déterminée?s?) à[^.;]{0,200}?(?:promouvoir|soutenir|appuyer)[^.;]{0,100}?(?:notamment |dont |en particulier )(?:le |la |les |l' ?)?{to:T}",
      confidence: 0.7,
      example:
        "les Nations Unies étaient prêtes à collaborer étroitement avec l'ASEAN et l'AIPR et à promouvoir la mise en œuvre des recommandations présentées lors de ce Dialogue régional, notamment le renforcement du rôle des femmes dans la paix et la sécurité",
    },
    {
      id: 'fr.cooperated.pret-a-collaborer',
      type: 'COOPERATED_WITH',
      pattern:
        "{from:O} (?:étaient|était|sont|est|seront|sera|se sont dits?|se sont dites?|s'est dite?) (?:prête?s?|disposée?s?|déterminée?s?) à (?:collaborer|coopérer|travailler) (?:étroitement )?avec (?:l' ?|la |le |les )?{to:O}",
      role: 'pledged',
      confidence: 0.8,
      example: "les Nations Unies étaient prêtes à collaborer étroitement avec l'ASEAN et l'AIPR",
    },
    {
      id: 'fr.cooperated.modele-de-cooperation',
      type: 'COOPERATED_WITH',
      pattern:
        "(?:les )?relations entre (?:l' ?|la |le |les )?{from:O} et (?:l' ?|la |le |les )?{to:O}[^.;]{0,80}? comme un modèle de",
      confidence: 0.7,
      example:
        "a décrit les relations entre l'ASEAN et l'ONU au cours de ces quatre dernières décennies comme un modèle de coopération",
    },
    {
      id: 'fr.motto.devise-de',
      type: 'HAD_MOTTO',
      pattern: "(?:la|sa) devise (?:du|de la|de l' ?|des) {from:A}[^.;«]{0,60}?«\\s*{to:T}",
      confidence: 0.85,
      example:
        'la devise du Vietnam tout au long de son mandat : « Partenaires pour une paix durable »',
    },
    {
      id: 'fr.adopted.fixe-par',
      type: 'ADOPTED',
      pattern:
        "{to:T} (?:fixée?s?|adoptée?s?|définie?s?|approuvée?s?|arrêtée?s?) (?:par|lors) (?:du |de la |de l' ?|le |la |l' ?)?{from:M}",
      confidence: 0.8,
      example:
        "l'orientation, la vision et les aspirations de développement du pays fixées par le XIIIe Congrès national du Parti",
    },
    {
      id: 'fr.presided.la-presidence-de',
      type: 'PRESIDED',
      pattern:
        "(?:succès|bilan|réussite|priorités) de la présidence (?:de l'année \\d{4} |\\d{4} )?(?:du|de la|de l' ?) {to:O}",
      anaphor: 'state',
      dates: 'within',
      confidence: 0.55,
      example: 'le succès de la présidence de l’Année 2020 de l’ASEAN',
    },
  ],
  titles: [
    { pattern: 'sous-secrétaire général(?:e)?', title: 'Assistant Secretary-General' },
    { pattern: 'secrétaire général(?:e)? adjointe?', title: 'Deputy Secretary-General' },
    { pattern: 'secrétaire général(?:e)?', title: 'Secretary-General' },
    { pattern: 'premier ministre|première ministre', title: 'Prime Minister' },
    {
      pattern: 'vice-ministre (?:\\p{L}+ )?des affaires étrangères',
      title: 'Deputy Minister of Foreign Affairs',
      ministry: { en: 'Ministry of Foreign Affairs', local: 'Ministère des Affaires étrangères' },
    },
    {
      pattern: 'ministre (?:\\p{L}+ )?des affaires étrangères',
      title: 'Minister of Foreign Affairs',
      ministry: { en: 'Ministry of Foreign Affairs', local: 'Ministère des Affaires étrangères' },
    },
    { pattern: 'vice-président(?:e)?', title: 'Vice President' },
    { pattern: 'président(?:e)?', title: 'President' },
    { pattern: 'ambassadeur|ambassadrice', title: 'Ambassador' },
    { pattern: 'représentante? permanente?', title: 'Permanent Representative' },
    { pattern: 'directeur général|directrice générale', title: 'Director-General' },
    { pattern: 'ministre', title: 'Minister' },
  ],
  meetingHeads: [
    { pattern: 'débats? de haut niveau', kind: 'high_level_debate' },
    { pattern: 'débat public|débat', kind: 'debate' },
    { pattern: 'réunions des hauts fonctionnaires', kind: 'series' },
    { pattern: 'réunion ministérielle|réunion', kind: 'meeting' },
    { pattern: 'dialogue régional|dialogue', kind: 'dialogue' },
    { pattern: 'atelier', kind: 'workshop' },
    { pattern: 'congrès national|congrès', kind: 'congress' },
    { pattern: 'sessions?', kind: 'session' },
    { pattern: 'sommet|conférence|forum', kind: 'conference' },
  ],
  eventWords: 'évènement|événement',
  definite: "ce|cet|cette|le|la|l'|du|au|de la|de l'",
  indefinite: "un|une|d'un|d'une",
  ordinals: {
    premier: 1,
    première: 1,
    deuxième: 2,
    second: 2,
    seconde: 2,
    troisième: 3,
    quatrième: 4,
    cinquième: 5,
    sixième: 6,
    septième: 7,
    huitième: 8,
    neuvième: 9,
    dixième: 10,
    onzième: 11,
    douzième: 12,
    treizième: 13,
    quatorzième: 14,
    quinzième: 15,
    vingtième: 20,
  },
  demonyms: {
    vietnamien: 'Vietnam',
    vietnamienne: 'Vietnam',
    français: 'France',
    française: 'France',
    sénégalais: 'Sénégal',
    sénégalaise: 'Sénégal',
    kényan: 'Kenya',
    kényane: 'Kenya',
    indonésien: 'Indonésie',
    indonésienne: 'Indonésie',
    thaïlandais: 'Thaïlande',
    thaïlandaise: 'Thaïlande',
    japonais: 'Japon',
    japonaise: 'Japon',
    chinois: 'Chine',
    chinoise: 'Chine',
    américain: 'États-Unis',
    américaine: 'États-Unis',
    ghanéen: 'Ghana',
    ghanéenne: 'Ghana',
    malaisien: 'Malaisie',
    malaisienne: 'Malaisie',
  },
  complementStop:
    ",|\\n|\\.|;|\\(|«|\\s(?:s'|a |ont |qui |que |dans |verra|présid|afin|pour promouvoir|sera |est |se |en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|\\d))",
  themes: [
    'sous le thème «\\s*([^»]+?)\\s*»',
    'devise[^«]{0,60}«\\s*([^»]+?)\\s*»',
    "notamment (?:le |la |les |l')([^,.;]+)",
    "notamment (?:le |la |les |l')[^,.;]+, (?:le |la |les |l')([^,.;]+)",
    "((?:l'|la |les |le )(?:orientations?|politiques?|stratégies?|lignes? directrices?|visions?)[^.;]{0,100}?) (?:fixée?s?|adoptée?s?|définie?s?|approuvée?s?|arrêtée?s?) par",
    '(?:a |ont )?(?:également )?proposé de (créer [^,.;]+?)(?= qui|[,.;])',
    "(?:proposé|appelé à|recommandé|préconisé) (?:la |le |l')?((?:création|mise en place|établissement|renforcement) [^,.;]+?)(?= qui|[,.;])",
    "(?:appelé|appelle) à (?:renforcer|promouvoir|approfondir) ((?:la |le |l')?coopération entre [^,.;]+?)(?= qui| en matière|[,.;])",
    "(?:l'engagement|la détermination) (?:du|de la|de l'|des) [^,.;]{1,60}?(?:,[^.;]{0,160},)? à (?:promouvoir|renforcer|défendre|soutenir|préserver) ((?:la |le |les |l')?[^,.;]+?)(?= aux côtés| avec|[,.;])",
    "en matière (?:de|d') ((?:la |l')?[\\p{Ll}][^,.;]+?) et (?:de|d') ",
    "en matière (?:de|d') (?:[^,.;]+?) et (?:de|d') ((?:la |l')?[\\p{Ll}][^,.;]+?)(?=[,.;]|$)",
    'conformément (?:à la|au|aux) ([^,.;]+?) et (?:au|à la|aux) ',
    'conformément (?:à la|au|aux) (?:[^,.;]+?) et (?:au|à la|aux) ([^,.;]+?)(?=[,.;]|$)',
    '(?:dans|de) la prévention et (?:la|de la) ((?:résolution|règlement) des conflits par des (?:moyens|mesures) pacifiques)',
    "(?:débat|réunion|session|dialogue|sommet|conférence|forum)[^,.;]{0,40}? (?:sur|consacrée? à) (?:le |la |les |l')((?:[\\p{Ll}'’-]+ ?){2,10}?)(?=[,.;]|$| afin| présid| qui)",
  ],
  organizationHeads:
    'Institut|Organisation|Conseil|Ministère|Association|Agence|Fonds|Programme|Commission|Union|Parti|Banque|Bureau|Centre|Comité|Communauté|Fondation',
  place:
    "(?:s'est ouverte?|s'est tenue?|a eu lieu|se tiendra|s'ouvrira|se déroulera|s'est déroulée?|réunis?|organisée?) (?:à|au) (\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?)",
  organizer:
    "(?:organisée?s?|accueillie?s?|convoquée?s?|hébergée?s?) par (?:l'|la |le )?(\\p{Lu}[\\p{L}-]*(?: (?:\\p{Lu}[\\p{L}-]*|[\\p{Ll}-]+(?:aine?s?|ique|éenne|ais|aise|ale|ales|aux)|de l'\\p{Lu}[\\p{L}-]*)){0,3})(?=[,.;]|\\s(?:a|est|et|sur)\\s)",
  delegation: "chef de (?:la )?(?<phrase>délégation (?<demonym>\\p{Ll}+) (?:aux?|à la|à l'|au) )",
  since: 'depuis',
  coordination: 'et|ainsi que',
  coordinatedDeterminers: "les|des|de|d'",
  connectorWords: [
    'de',
    'la',
    "l'",
    'le',
    'les',
    'pour',
    'et',
    'des',
    'du',
    "d'",
    'en',
    'sur',
    'à',
    'au',
    'aux',
  ],
};

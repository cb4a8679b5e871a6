package org.tessera.crm.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;

/**
 * A deterministic, realistic party for any index: persons (75%), organizations (20%) and
 * households (5%) with accented and apostrophe names, unique emails, phones, postal addresses,
 * classifications, an owner, an external id and two custom fields. Row {@code i} depends only on
 * the seed and {@code i}, so the REST import and the raw JDBC baseline write the same rows, and
 * any slice of the data set can be produced without the rest.
 */
public final class PartyGenerator {
    public static final String EXTERNAL_SOURCE = "bench";
    static final String[] FIRST_NAMES = {"Jean-François", "Hélène", "Zoë", "Chloé", "Renée", "Åsa", "Séverine",
        "François", "Éloïse", "Noël", "Agnès", "Jérôme", "Benoît", "Cécile", "Loïc", "Gaëlle", "Mathéo", "Inès",
        "Léa", "Thérèse", "Raphaël", "Anaïs", "Maël", "Stéphane", "Valérie", "Amélie", "Frédéric", "Björn", "José",
        "Siobhán", "Seán", "Dominique", "Paul", "Marie", "Lucas", "Camille", "Hugo", "Manon", "Théo", "Emma",
        "Nathalie", "Olivier", "Sophie", "Nicolas", "Isabelle", "Pierre", "Sandrine", "Julien", "Aurélie", "Mathieu"};
    static final String[] LAST_NAMES = {"Bérard", "Lefèvre", "O'Brien", "D'Angelo", "Müller", "Øberg", "L'Hôte",
        "Dupont", "Gauthier", "Mercier", "Lévêque", "Château", "Fontaine", "Rousseau", "Brûlé", "Nuñez", "Da Silva",
        "D'Arcy", "Le Goff", "Ménard", "Pérez", "Garçon", "Hervé", "Laurent", "N'Diaye", "O'Connor", "Dubœuf",
        "Deschênes", "Marchand", "Roché", "Saint-Exupéry", "Aubert", "Collin", "Vidal", "Giraud", "Étienne",
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Lefebvre",
        "Leroy", "Roux", "Morel", "Fournier", "Girard", "Bonnet", "Lambert", "Faure", "André", "Guérin", "Muller",
        "Henry", "Rivière", "Noël", "Perrin", "Clément", "Gérard", "Barbier", "Arnaud", "Mathieu", "Hébert"};
    private static final String[] COMPANY_STEMS = {"Boulangerie", "Crédit Côtier", "Transports", "Château",
        "Éditions", "Garage de l'Étoile", "Pâtisserie", "Assurances", "Hôtel", "Cabinet", "Brasserie de l'Écluse",
        "Coopérative", "Atelier", "Pharmacie", "Menuiserie", "Clinique Vétérinaire", "Imprimerie", "Laboratoires"};
    private static final String[] LEGAL_FORMS = {"SARL", "SAS", "SA", "EURL"};
    private static final String[] INDUSTRIES = {"Retail", "Banking", "Transport", "Hospitality", "Agriculture",
        "Healthcare", "Manufacturing", "Publishing", "Insurance", "Energy"};
    private static final String[] JOB_TITLES = {"Gérant", "Directrice financière", "Responsable achats",
        "Chef de projet", "Comptable", "Directeur commercial", "Assistante de direction", "Ingénieur"};
    private static final String[] CITIES = {"Paris", "Lyon", "Marseille", "Bordeaux", "Nantes", "Lille", "Besançon",
        "Aix-en-Provence", "Saint-Étienne", "Orléans", "Nîmes", "Pontoise", "Épinal", "Périgueux"};
    private static final String[] STREETS = {"rue de la République", "avenue Jean-Jaurès", "boulevard Haussmann",
        "rue du Faubourg Saint-Honoré", "place de l'Hôtel de Ville", "chemin des Écoliers", "rue Émile Zola"};
    static final String[] SEGMENTS = {"GOLD", "SILVER", "BRONZE"};

    private final long seed;
    private final List<String> ownerIds;
    private final String orgUnitId;
    private final String externalPrefix;

    public PartyGenerator(long seed, List<String> ownerIds, String orgUnitId) {
        this(seed, ownerIds, orgUnitId, "B");
    }

    private PartyGenerator(long seed, List<String> ownerIds, String orgUnitId, String externalPrefix) {
        this.seed = seed;
        this.ownerIds = ownerIds;
        this.orgUnitId = orgUnitId;
        this.externalPrefix = externalPrefix;
    }

    /** The same parties under other external ids: row {@code i} is a duplicate of this generator's row {@code i}. */
    public PartyGenerator twins(String prefix) {
        return new PartyGenerator(seed, ownerIds, orgUnitId, prefix);
    }

    /** One party in twenty is a household: a name and a postal address. */
    public static boolean isHousehold(long i) {
        return i % 20 == 19;
    }

    public PartyDTO party(long i) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + i);
        PartyDTO p = new PartyDTO();
        int kind = (int) (i % 20);
        if (kind < 15) {
            person(p, i, random);
        } else if (!isHousehold(i)) {
            organization(p, i, random);
        } else {
            p.type = PartyType.HOUSEHOLD;
            p.name = "Famille " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            p.contactMechanisms.add(postal("HOME", random));
            p.classifications.add("CUSTOMER");
        }
        p.status = i % 29 == 0 ? PartyStatus.INACTIVE : PartyStatus.ACTIVE;
        p.ownerId = ownerIds.get((int) (i % ownerIds.size()));
        p.orgUnitId = orgUnitId;
        p.externalIds.put(EXTERNAL_SOURCE, externalPrefix + i);
        p.customFields.put("segment", SEGMENTS[random.nextInt(SEGMENTS.length)]);
        p.customFields.put("score", (long) random.nextInt(100));
        return p;
    }

    private static void person(PartyDTO p, long i, Random random) {
        p.type = PartyType.PERSON;
        p.firstName = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        p.lastName = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        p.salutation = random.nextBoolean() ? "M." : "Mme";
        p.birthDate = LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
        p.jobTitle = JOB_TITLES[random.nextInt(JOB_TITLES.length)];
        p.classifications.add(random.nextInt(4) == 0 ? "CUSTOMER" : "PROSPECT");
        if (random.nextInt(11) == 0) {
            p.classifications.add("PARTNER");
        }
        String local = ascii(p.firstName.substring(0, 1)) + "." + ascii(p.lastName).replaceAll("[^a-z0-9]", "");
        p.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, local + i + "@example.com", "WORK", true));
        ContactMechanismDTO mobile = mechanism(ContactMechanismType.PHONE, phone("06", random), "MOBILE", true);
        mobile.optOut = random.nextInt(9) == 0;
        p.contactMechanisms.add(mobile);
        if (random.nextInt(3) == 0) {
            p.contactMechanisms.add(postal("HOME", random));
        }
    }

    private static void organization(PartyDTO p, long i, Random random) {
        p.type = PartyType.ORGANIZATION;
        String city = CITIES[random.nextInt(CITIES.length)];
        String family = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        p.legalName = COMPANY_STEMS[random.nextInt(COMPANY_STEMS.length)] + " " + family + " " + city + " "
                + LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
        p.registrationNumber = String.format(Locale.ROOT, "%09d", 100_000_000L + i);
        p.industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        p.classifications.add(random.nextInt(3) == 0 ? "CUSTOMER" : "PROSPECT");
        if (random.nextInt(7) == 0) {
            p.classifications.add("SUPPLIER");
        }
        String domain = ascii(family).replaceAll("[^a-z0-9]+", "-") + "-" + i + ".example.com";
        p.contactMechanisms.add(mechanism(ContactMechanismType.WEB, "https://www." + domain, "WORK", true));
        p.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, phone("01", random), "WORK", true));
        p.contactMechanisms.add(postal("WORK", random));
    }

    private static ContactMechanismDTO mechanism(ContactMechanismType type, String value, String purpose, boolean primary) {
        ContactMechanismDTO m = new ContactMechanismDTO();
        m.type = type;
        m.value = value;
        m.purpose = purpose;
        m.primary = primary;
        return m;
    }

    private static ContactMechanismDTO postal(String purpose, Random random) {
        ContactMechanismDTO m = mechanism(ContactMechanismType.POSTAL, null, purpose, true);
        m.line1 = (1 + random.nextInt(120)) + " " + STREETS[random.nextInt(STREETS.length)];
        m.postalCode = String.format(Locale.ROOT, "%05d", 1000 + random.nextInt(94000));
        m.city = CITIES[random.nextInt(CITIES.length)];
        m.country = "FR";
        return m;
    }

    private static String phone(String prefix, Random random) {
        return String.format(Locale.ROOT, "+33 %s %02d %02d %02d %02d", prefix.substring(1), random.nextInt(100),
                random.nextInt(100), random.nextInt(100), random.nextInt(100));
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ø", "o").replace("Ø", "O").replace("œ", "oe").toLowerCase(Locale.ROOT);
    }
}

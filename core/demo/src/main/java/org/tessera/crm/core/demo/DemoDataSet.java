package org.tessera.crm.core.demo;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.api.activity.ActivityStatus;
import org.tessera.crm.core.api.activity.ActivityTypes;
import org.tessera.crm.core.api.activity.Direction;
import org.tessera.crm.core.api.party.Classifications;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyStatus;
import org.tessera.crm.core.api.party.PartyType;

/**
 * A deterministic, realistic sample: French and European names with accents and apostrophes,
 * companies, households, their contact mechanisms and a history of activities. The same seed
 * always yields the same data set, so demos and documentation stay reproducible.
 */
final class DemoDataSet {
    static final String EXTERNAL_SOURCE = "demo";

    private static final String[] FIRST_NAMES = {"Jean-François", "Hélène", "Zoë", "Chloé", "Renée", "Åsa", "Séverine",
        "François", "Éloïse", "Noël", "Agnès", "Jérôme", "Benoît", "Cécile", "Loïc", "Gaëlle", "Mathéo", "Inès",
        "Léa", "Thérèse", "Raphaël", "Anaïs", "Maël", "Stéphane", "Valérie", "Amélie", "Frédéric", "Björn", "José",
        "Siobhán", "Seán", "Dominique", "Paul", "Marie", "Lucas", "Camille", "Hugo", "Manon", "Théo", "Emma"};
    private static final String[] LAST_NAMES = {"Bérard", "Lefèvre", "O'Brien", "D'Angelo", "Müller", "Øberg",
        "L'Hôte", "Dupont", "Gauthier", "Mercier", "Lévêque", "Château", "Fontaine", "Rousseau", "Brûlé", "Nuñez",
        "Da Silva", "D'Arcy", "Le Goff", "Ménard", "Pérez", "Garçon", "Hervé", "Laurent", "N'Diaye", "O'Connor",
        "Dubœuf", "Deschênes", "Marchand", "Roché", "Saint-Exupéry", "Aubert", "Collin", "Vidal", "Giraud", "Étienne"};
    private static final String[] COMPANY_STEMS = {"Boulangerie Lévêque", "Crédit Côtier", "O'Neill & Fils",
        "Transports Lefèvre", "Château de la Brède", "Éditions du Sévère", "Garage de l'Étoile", "Pâtisserie Ménard",
        "Assurances Forêt", "Hôtel Beauséjour", "Cabinet D'Arcy", "Brasserie de l'Écluse", "Coopérative Agricole Ruisseau",
        "Atelier Noël", "Pharmacie Saint-Éloi", "Menuiserie Brûlé", "Clinique Vétérinaire Léon", "Imprimerie Günther",
        "Société Générale d'Électricité", "Laboratoires Ørsted"};
    private static final String[] LEGAL_FORMS = {"SARL", "SAS", "SA", "EURL"};
    private static final String[] INDUSTRIES = {"Retail", "Banking", "Transport", "Hospitality", "Agriculture",
        "Healthcare", "Manufacturing", "Publishing", "Insurance", "Energy"};
    private static final String[] JOB_TITLES = {"Gérant", "Directrice financière", "Responsable achats",
        "Chef de projet", "Comptable", "Directeur commercial", "Assistante de direction", "Ingénieur"};
    private static final String[] CITIES = {"Paris", "Lyon", "Marseille", "Bordeaux", "Nantes", "Lille", "Besançon",
        "Aix-en-Provence", "Saint-Étienne", "Orléans"};
    private static final String[] STREETS = {"rue de la République", "avenue Jean-Jaurès", "boulevard Haussmann",
        "rue du Faubourg Saint-Honoré", "place de l'Hôtel de Ville", "chemin des Écoliers", "rue Émile Zola"};
    private static final String[] CALL_OUTCOMES = {ActivityTypes.NO_ANSWER, ActivityTypes.VOICEMAIL,
        ActivityTypes.WRONG_NUMBER, ActivityTypes.GATEKEEPER, ActivityTypes.NOT_INTERESTED,
        ActivityTypes.PHONE_APPOINTMENT, ActivityTypes.DOCUMENTATION_SENT, ActivityTypes.MEETING_SET};
    private static final String[] SUBJECTS = {"Premier contact", "Relance devis", "Présentation de l'offre",
        "Renouvellement du contrat", "Réclamation facture", "Point annuel", "Demande de documentation",
        "Rendez-vous d'ouverture de compte"};

    private final Random random;
    private final Instant now;

    DemoDataSet(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.MINUTES);
    }

    /** Organizations, each with a web site, a switchboard and a postal address. */
    List<PartyDTO> organizations(int count, List<String> orgUnitIds, List<String> ownerIds) {
        List<PartyDTO> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PartyDTO org = new PartyDTO();
            org.type = PartyType.ORGANIZATION;
            String stem = COMPANY_STEMS[i % COMPANY_STEMS.length];
            org.legalName = stem + (i >= COMPANY_STEMS.length ? " " + CITIES[i % CITIES.length] : "") + " "
                    + pick(LEGAL_FORMS);
            org.registrationNumber = String.format(Locale.ROOT, "%03d %03d %03d", 300 + i, random.nextInt(1000),
                    random.nextInt(1000));
            org.industry = pick(INDUSTRIES);
            org.status = PartyStatus.ACTIVE;
            org.classifications.add(i % 3 == 0 ? Classifications.CUSTOMER : Classifications.PROSPECT);
            if (i % 7 == 0) {
                org.classifications.add(Classifications.SUPPLIER);
            }
            String domain = ascii(stem).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".example.com";
            org.contactMechanisms.add(mechanism(ContactMechanismType.WEB, "https://www." + domain, "WORK", true));
            org.contactMechanisms.add(mechanism(ContactMechanismType.PHONE, phone("01"), "WORK", true));
            org.contactMechanisms.add(postal("WORK"));
            org.externalIds.put(EXTERNAL_SOURCE, String.format(Locale.ROOT, "O%04d", i + 1));
            org.orgUnitId = orgUnitIds.get(i % orgUnitIds.size());
            org.ownerId = ownerIds.get(i % ownerIds.size());
            result.add(org);
        }
        return result;
    }

    /** Persons with email, mobile phone, sometimes a home address and an opted-out channel. */
    List<PartyDTO> persons(int count, List<String> orgUnitIds, List<String> ownerIds) {
        List<PartyDTO> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PartyDTO person = new PartyDTO();
            person.type = PartyType.PERSON;
            person.firstName = FIRST_NAMES[i % FIRST_NAMES.length];
            person.lastName = LAST_NAMES[(i * 7 + i / FIRST_NAMES.length) % LAST_NAMES.length];
            person.salutation = random.nextBoolean() ? "M." : "Mme";
            person.birthDate = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            person.jobTitle = pick(JOB_TITLES);
            person.status = i % 29 == 0 ? PartyStatus.INACTIVE : PartyStatus.ACTIVE;
            person.classifications.add(i % 4 == 0 ? Classifications.CUSTOMER : Classifications.PROSPECT);
            if (i % 11 == 0) {
                person.classifications.add(Classifications.PARTNER);
            }
            String local = initials(person.firstName) + "." + ascii(person.lastName).replaceAll("[^a-z0-9]", "");
            String email = local + (i >= FIRST_NAMES.length ? String.valueOf(i / FIRST_NAMES.length) : "")
                    + "@example.com";
            person.contactMechanisms.add(mechanism(ContactMechanismType.EMAIL, email, "WORK", true));
            ContactMechanismDTO mobile = mechanism(ContactMechanismType.PHONE, phone("06"), "MOBILE", true);
            mobile.optOut = i % 9 == 0;
            person.contactMechanisms.add(mobile);
            if (i % 3 == 0) {
                person.contactMechanisms.add(postal("HOME"));
            }
            person.externalIds.put(EXTERNAL_SOURCE, String.format(Locale.ROOT, "P%04d", i + 1));
            person.orgUnitId = orgUnitIds.get(i % orgUnitIds.size());
            person.ownerId = ownerIds.get(i % ownerIds.size());
            result.add(person);
        }
        return result;
    }

    /** Households named after a family ("Famille Bérard"). */
    List<PartyDTO> households(int count, List<String> orgUnitIds, List<String> ownerIds) {
        List<PartyDTO> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PartyDTO household = new PartyDTO();
            household.type = PartyType.HOUSEHOLD;
            household.name = "Famille " + LAST_NAMES[i % LAST_NAMES.length];
            household.status = PartyStatus.ACTIVE;
            household.classifications.add(Classifications.CUSTOMER);
            household.contactMechanisms.add(postal("HOME"));
            household.externalIds.put(EXTERNAL_SOURCE, String.format(Locale.ROOT, "H%04d", i + 1));
            household.orgUnitId = orgUnitIds.get(i % orgUnitIds.size());
            household.ownerId = ownerIds.get(i % ownerIds.size());
            result.add(household);
        }
        return result;
    }

    /** A short history for a party: past calls with outcomes, a meeting or a note, and one planned follow-up. */
    List<ActivityDTO> activitiesFor(String partyId, String ownerId) {
        List<ActivityDTO> result = new ArrayList<>();
        int past = 1 + random.nextInt(3);
        for (int i = 0; i < past; i++) {
            ActivityDTO call = activity(partyId, ownerId, random.nextInt(4) == 0 ? ActivityTypes.MEETING : ActivityTypes.CALL);
            Instant start = now.minus(Duration.ofHours(24L * (1 + random.nextInt(180)) + random.nextInt(9)));
            call.startAt = start;
            call.endAt = start.plus(Duration.ofMinutes(5 + random.nextInt(55)));
            call.status = ActivityStatus.DONE;
            call.channel = ActivityTypes.MEETING.equals(call.type) ? ActivityTypes.CHANNEL_COUNTER : ActivityTypes.CHANNEL_PHONE;
            call.outcome = ActivityTypes.MEETING.equals(call.type) ? ActivityTypes.COMPLETED : pick(CALL_OUTCOMES);
            result.add(call);
        }
        if (random.nextInt(3) == 0) {
            ActivityDTO note = activity(partyId, ownerId, ActivityTypes.NOTE);
            note.subject = "Note : préfère être contacté·e le matin";
            note.status = ActivityStatus.DONE;
            note.startAt = now.minus(Duration.ofDays(1 + random.nextInt(60)));
            result.add(note);
        }
        ActivityDTO next = activity(partyId, ownerId, ActivityTypes.CALL);
        next.subject = "Rappel : " + pick(SUBJECTS).toLowerCase(Locale.FRENCH);
        next.status = ActivityStatus.PLANNED;
        next.dueAt = now.plus(Duration.ofDays(1 + random.nextInt(30)));
        next.channel = ActivityTypes.CHANNEL_PHONE;
        next.direction = Direction.OUTBOUND;
        result.add(next);
        return result;
    }

    private ActivityDTO activity(String partyId, String ownerId, String type) {
        ActivityDTO activity = new ActivityDTO();
        activity.type = type;
        activity.subject = pick(SUBJECTS);
        activity.description = "Échange avec le client au sujet de : " + activity.subject.toLowerCase(Locale.FRENCH) + ".";
        activity.ownerId = ownerId;
        activity.assigneeId = ownerId;
        activity.participants.add(partyId);
        activity.direction = random.nextInt(4) == 0 ? Direction.INBOUND : Direction.OUTBOUND;
        return activity;
    }

    private ContactMechanismDTO mechanism(ContactMechanismType type, String value, String purpose, boolean primary) {
        ContactMechanismDTO mechanism = new ContactMechanismDTO();
        mechanism.type = type;
        mechanism.value = value;
        mechanism.purpose = purpose;
        mechanism.primary = primary;
        return mechanism;
    }

    private ContactMechanismDTO postal(String purpose) {
        ContactMechanismDTO address = mechanism(ContactMechanismType.POSTAL, null, purpose, true);
        address.line1 = (1 + random.nextInt(180)) + " " + pick(STREETS);
        address.postalCode = String.format(Locale.ROOT, "%05d", 10000 + random.nextInt(85000));
        address.city = pick(CITIES);
        address.country = "FR";
        return address;
    }

    private String phone(String prefix) {
        return String.format(Locale.ROOT, "+33 %s %02d %02d %02d %02d", prefix.substring(1), random.nextInt(100),
                random.nextInt(100), random.nextInt(100), random.nextInt(100));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String initials(String firstName) {
        StringBuilder initials = new StringBuilder();
        for (String part : ascii(firstName).split("-")) {
            initials.append(part.charAt(0));
        }
        return initials.length() > 1 ? initials.toString() : ascii(firstName);
    }

    /** Lower-case ASCII form of a name, for made-up email addresses and domains. */
    static String ascii(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace("ø", "o").replace("Ø", "O").replace("œ", "oe").replace("æ", "ae")
                .toLowerCase(Locale.ROOT).replace("'", "");
    }
}

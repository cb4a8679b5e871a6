package org.tessera.crm.core.api.spi;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a module that registers one lets party selections (marketing segments,
 * offer rules) ask about its records, such as "has an open opportunity" or "holds a deposit
 * account". Every module's tables live in the one Tessera database, so a fact is an SQL condition
 * over a party id that the database evaluates inside the caller's query (a million parties are
 * counted without leaving the database). The facts leave with the module that contributes them.
 */
@ConsumerType
public interface PartyFactContributor {

    /** Module name, as in permissions: {@code sales}, {@code banking}. */
    String module();

    /** The facts it answers, each named {@code <module>.<fact>} (for example {@code sales.openOpportunity}). */
    List<PartyFactDTO> facts();

    /**
     * An SQL condition, true for the parties that have the fact.
     *
     * @param fact          the name of one of {@link #facts()}
     * @param parameters    the fact's parameters, already checked against their declared types and
     *                      converted to their canonical Java types (String, Long, BigDecimal,
     *                      LocalDate, Boolean); an optional parameter the caller left out is absent
     * @param partyIdColumn the qualified SQL column holding the party id, such as {@code p.id}
     * @return the condition with {@code ?} placeholders and their values in order
     */
    SqlCondition condition(String fact, Map<String, Object> parameters, String partyIdColumn);
}

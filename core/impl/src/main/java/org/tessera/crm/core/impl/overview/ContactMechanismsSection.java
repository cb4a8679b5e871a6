package org.tessera.crm.core.impl.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.tessera.crm.core.api.overview.OverviewItemDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.api.spi.OverviewContributor;

/** The party's contact mechanisms valid today, primary ones first, each saying whether the party opted out. */
@Component
@ServiceRanking(400)
public class ContactMechanismsSection implements OverviewContributor {
    private final PartyService parties;

    @Activate
    public ContactMechanismsSection(@Reference(name = "parties") PartyService parties) {
        this.parties = parties;
    }

    @Override
    public String module() {
        return "core";
    }

    @Override
    public String section() {
        return "contact-mechanisms";
    }

    @Override
    public String title() {
        return "Contact mechanisms";
    }

    @Override
    public String requiredPermission() {
        return CorePermissions.PARTY_READ;
    }

    @Override
    public OverviewSectionDTO contribute(String partyId) {
        LocalDate today = LocalDate.now();
        List<OverviewItemDTO> items = new ArrayList<>();
        parties.get(partyId).contactMechanisms.stream()
                .filter(m -> (m.validFrom == null || !m.validFrom.isAfter(today)) && (m.validThru == null || m.validThru.isAfter(today)))
                .sorted((a, b) -> Boolean.compare(b.primary, a.primary))
                .forEach(m -> items.add(item(partyId, m)));
        return OverviewSectionDTO.of(List.of(), items);
    }

    private static OverviewItemDTO item(String partyId, ContactMechanismDTO mechanism) {
        OverviewItemDTO item = new OverviewItemDTO();
        item.id = "core:contact-mechanism:" + mechanism.id;
        item.type = mechanism.type == null ? null : mechanism.type.name();
        item.title = mechanism.type == ContactMechanismType.POSTAL ? postal(mechanism) : mechanism.value;
        StringJoiner subtitle = new StringJoiner(" · ");
        if (mechanism.purpose != null) {
            subtitle.add(mechanism.purpose);
        }
        if (mechanism.primary) {
            subtitle.add("primary");
        }
        if (mechanism.optOut) {
            subtitle.add("opted out");
        }
        item.subtitle = subtitle.toString();
        item.status = mechanism.optOut ? "OPT_OUT" : "OK";
        item.href = "/parties/" + partyId;
        return item;
    }

    private static String postal(ContactMechanismDTO m) {
        StringJoiner address = new StringJoiner(", ");
        for (String part : new String[] {m.line1, m.line2, join(m.postalCode, m.city), m.region, m.country}) {
            if (part != null && !part.isBlank()) {
                address.add(part);
            }
        }
        return address.toString();
    }

    private static String join(String postalCode, String city) {
        return ((postalCode == null ? "" : postalCode) + " " + (city == null ? "" : city)).trim();
    }
}

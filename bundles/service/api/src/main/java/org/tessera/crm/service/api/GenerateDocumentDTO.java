package org.tessera.crm.service.api;

import java.util.ArrayList;
import java.util.List;

/** Asks for a document: the template, the party it is addressed to (the request's contact, else its account), and for an email the recipients (else the party's email). */
public class GenerateDocumentDTO {
    public String templateCode;
    public String partyId;
    public boolean pdf = true;
    public List<String> to = new ArrayList<>();
}

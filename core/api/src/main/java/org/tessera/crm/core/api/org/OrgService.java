package org.tessera.crm.core.api.org;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.ValidationException;

/** Org units and agents. */
@ProviderType
public interface OrgService {

    /**
     * @throws ValidationException when the code or name is missing or the parent does not exist
     * @throws ConflictException when the code is taken
     */
    OrgUnitDTO createOrgUnit(OrgUnitDTO draft);

    Optional<OrgUnitDTO> findOrgUnit(String id);

    Optional<OrgUnitDTO> findOrgUnitByCode(String code);

    List<OrgUnitDTO> orgUnits();

    /**
     * @throws ValidationException when the login is missing or the org unit does not exist
     * @throws ConflictException when the login is taken
     */
    AgentDTO createAgent(AgentDTO draft);

    Optional<AgentDTO> findAgent(String id);

    Optional<AgentDTO> findAgentByLogin(String login);

    List<AgentDTO> agents();
}

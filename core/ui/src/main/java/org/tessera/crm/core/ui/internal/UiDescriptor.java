package org.tessera.crm.core.ui.internal;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A module's validated {@code tessera-ui.json}: what its UI contributes to the shell. The parts
 * are kept as the JSON the module wrote (checked field by field), since the extensions endpoint
 * hands them on to the shell as they are, less the entries the caller may not see.
 *
 * @param module the module's name
 * @param entry the entry file, relative to the UI folder
 * @param messages the messages by locale ({@code en} and {@code fr} at least)
 * @param menu menu entries ({@code id}, {@code label}, {@code route}, optional {@code permission}, {@code order})
 * @param routes routes ({@code path}, {@code element})
 * @param overviewSections overview sections ({@code key}, {@code element})
 * @param partyActions actions on a party ({@code id}, {@code label}, {@code route}, optional {@code permission})
 */
record UiDescriptor(String module, String entry, ObjectNode messages, List<ObjectNode> menu, List<ObjectNode> routes,
        List<ObjectNode> overviewSections, List<ObjectNode> partyActions) {
    /** Name of the descriptor inside a UI bundle's folder. */
    static final String FILE = "tessera-ui.json";
    /** The locales every module UI speaks. */
    static final Set<String> REQUIRED_LOCALES = Set.of("en", "fr");
    /** Member of a menu entry or action that names the permission it needs. */
    static final String PERMISSION = "permission";
}

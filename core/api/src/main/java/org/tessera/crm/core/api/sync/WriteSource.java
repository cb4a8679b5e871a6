package org.tessera.crm.core.api.sync;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The system on whose behalf the work on the current thread writes ({@code backoffice},
 * {@code mailclient}…), recorded with each field it changes. The REST layer binds it from the
 * {@value #HEADER} header for the duration of a request; without one bound it is {@value #DEFAULT}.
 */
@ProviderType
public interface WriteSource {
    /** The request header naming the source system. */
    String HEADER = "Tessera-Source";
    /** The source of a write that named none. */
    String DEFAULT = "api";
    /** What a source name may hold: 1 to 64 letters, digits, '.', '_' or '-'. */
    String PATTERN = "[A-Za-z0-9._-]{1,64}";

    /** The source bound to this thread, or {@link #DEFAULT}. */
    String current();

    /** Binds {@code source} to this thread. @throws IllegalArgumentException when it does not match {@link #PATTERN} */
    void bind(String source);

    /** Unbinds the source of this thread. */
    void unbind();
}

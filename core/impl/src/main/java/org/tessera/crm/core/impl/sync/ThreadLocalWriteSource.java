package org.tessera.crm.core.impl.sync;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.sync.WriteSource;

/** The source system of the work on each thread; the REST layer binds it per request. */
@Component(service = WriteSource.class)
public class ThreadLocalWriteSource implements WriteSource {
    private final ThreadLocal<String> sources = new ThreadLocal<>();

    @Override
    public String current() {
        String source = sources.get();
        return source == null ? DEFAULT : source;
    }

    @Override
    public void bind(String source) {
        if (source == null || !source.matches(PATTERN)) {
            throw new IllegalArgumentException("a source system is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        sources.set(source);
    }

    @Override
    public void unbind() {
        sources.remove();
    }
}

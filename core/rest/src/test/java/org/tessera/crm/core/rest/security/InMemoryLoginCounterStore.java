package org.tessera.crm.core.rest.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tessera.crm.core.api.security.LoginCounterDTO;
import org.tessera.crm.core.api.security.LoginCounterStore;

/** The counters of {@link LoginCounterStore} in a map, one update at a time, as the database's row locks make them. */
final class InMemoryLoginCounterStore implements LoginCounterStore {
    private final Map<String, LoginCounterDTO> counters = new HashMap<>();

    @Override
    public synchronized <R> R update(List<String> keys, Instant now, Function<List<LoginCounterDTO>, R> change) {
        List<LoginCounterDTO> locked = new ArrayList<>();
        for (String key : keys) {
            LoginCounterDTO counter = counters.computeIfAbsent(key, k -> {
                LoginCounterDTO created = new LoginCounterDTO();
                created.key = k;
                return created;
            });
            counter.lastSeen = now;
            locked.add(counter);
        }
        return change.apply(locked);
    }

    @Override
    public synchronized void succeeded(String clear, String decrement) {
        LoginCounterDTO cleared = counters.get(clear);
        if (cleared != null) {
            cleared.failures = 0;
            cleared.locks = 0;
            cleared.lockedUntil = null;
        }
        LoginCounterDTO counter = decrement == null ? null : counters.get(decrement);
        if (counter != null && counter.failures > 0) {
            counter.failures--;
        }
    }

    @Override
    public synchronized int forgetIdle(Instant idleBefore, Instant now, int maxEntries) {
        int before = counters.size();
        counters.values().removeIf(c -> c.lastSeen.isBefore(idleBefore) && (c.lockedUntil == null || !now.isBefore(c.lockedUntil)));
        List<LoginCounterDTO> newestFirst = new ArrayList<>(counters.values());
        newestFirst.sort(Comparator.comparing((LoginCounterDTO c) -> c.lastSeen).thenComparing(c -> c.key).reversed());
        for (LoginCounterDTO beyond : newestFirst.subList(Math.min(maxEntries, newestFirst.size()), newestFirst.size())) {
            counters.remove(beyond.key);
        }
        return before - counters.size();
    }

    @Override
    public synchronized int count() {
        return counters.size();
    }
}

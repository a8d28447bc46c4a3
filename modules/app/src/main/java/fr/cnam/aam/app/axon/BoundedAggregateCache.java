package fr.cnam.aam.app.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A least-recently-used cache of aggregates with strong references: Axon's weak-reference cache loses its entries
 * at every collection, and loading an aggregate from the store is what makes commands slow.
 */
final class BoundedAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    BoundedAggregateCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                boolean evict = size() > capacity;
                if (evict) {
                    listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                }
                return evict;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        Object previous = entries.put(key, value);
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, java.util.function.Supplier<T> valueSupplier) {
        T current = (T) entries.get(key);
        if (current != null) {
            return current;
        }
        T created = valueSupplier.get();
        if (created == null) {
            throw new IllegalArgumentException("no value to cache for " + key);
        }
        put(key, created);
        return created;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V current = (V) entries.get(key);
        if (current != null) {
            V updated = update.apply(current);
            if (updated == null) {
                remove(key);
            } else {
                put(key, updated);
            }
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}

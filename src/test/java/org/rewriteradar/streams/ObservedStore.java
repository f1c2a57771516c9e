package org.rewriteradar.streams;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store seen through a window: the lower bounds of the range scans asked of it and the entries its
 * iterators hand out are counted, so a test can tell how much of a store an index reads.
 */
final class ObservedStore<K, V> {

    /** The lower bound of every {@code range} call, in order. */
    final List<K> rangeStarts = new ArrayList<>();

    /** Entries handed out by any of the store's iterators. */
    final AtomicInteger reads = new AtomicInteger();

    final KeyValueStore<K, V> store;

    @SuppressWarnings("unchecked")
    ObservedStore(KeyValueStore<K, V> target) {
        store = (KeyValueStore<K, V>) Proxy.newProxyInstance(
                KeyValueStore.class.getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("range")) {
                        rangeStarts.add((K) args[0]);
                    }
                    Object result = call(method, target, args);
                    if (!(result instanceof KeyValueIterator<?, ?> it)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(
                            KeyValueIterator.class.getClassLoader(),
                            new Class<?>[] {KeyValueIterator.class},
                            (p, m, a) -> {
                                if (m.getName().equals("next")) {
                                    reads.incrementAndGet();
                                }
                                return call(m, it, a);
                            });
                });
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

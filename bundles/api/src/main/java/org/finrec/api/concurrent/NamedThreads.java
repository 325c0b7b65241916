package org.finrec.api.concurrent;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads with names. Every thread a Finrec bundle starts is a daemon, so that a pool a component forgot to
 * shut down never keeps the JVM (or an embedding host) alive, and is named after its owner, so that a thread dump
 * says whose it is: {@code finrec-recommender-3}, {@code finrec-text-index}.
 *
 * <p>For example {@code Executors.newFixedThreadPool(4, NamedThreads.numbered("finrec-itemknn"))} runs on
 * {@code finrec-itemknn-1} to {@code finrec-itemknn-4}, and
 * {@code NamedThreads.daemon(this::run, "finrec-batcher-minilm").start()} starts one worker.
 */
public final class NamedThreads {

    private NamedThreads() {
    }

    /**
     * A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ... in the order they are made, for a
     * pool of several threads. Each factory numbers from 1.
     *
     * @param prefix what the names start with, not blank; a dash and the number follow
     * @return the factory, thread-safe
     * @throws IllegalArgumentException if {@code prefix} is blank
     */
    public static ThreadFactory numbered(String prefix) {
        String checked = checked(prefix);
        AtomicInteger number = new AtomicInteger();
        return task -> daemon(task, checked + "-" + number.incrementAndGet());
    }

    /**
     * A factory of daemon threads that all have one name, for an executor of one thread (which makes another only
     * when its thread died).
     *
     * @param name the threads' name, not blank
     * @return the factory, thread-safe
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static ThreadFactory named(String name) {
        String checked = checked(name);
        return task -> daemon(task, checked);
    }

    /**
     * One daemon thread, not started.
     *
     * @param task what the thread runs, not null
     * @param name the thread's name, not blank
     * @return the thread, for the caller to start
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(Objects.requireNonNull(task, "task"), checked(name));
        thread.setDaemon(true);
        return thread;
    }

    private static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a thread name must not be blank, got \"" + name + "\"");
        }
        return name;
    }
}

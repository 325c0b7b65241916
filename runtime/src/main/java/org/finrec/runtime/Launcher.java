package org.finrec.runtime;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.osgi.framework.Bundle;

/**
 * Runs the distribution: {@code bin/finrec} calls this with {@code --home <distribution folder>}. Starts the
 * runtime with bundles from {@code bundles/}, configuration files from {@code conf/} and hot deployment from
 * {@code deploy/}, prints what started, and runs until the process is stopped.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Starts the runtime and blocks until the JVM shuts down.
     *
     * @param args {@code --home <folder>}; defaults to the working directory
     * @throws InterruptedException if interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            if ("--home".equals(args[i]) && i + 1 < args.length) {
                home = Path.of(args[++i]);
            } else {
                System.err.println("usage: finrec [--home <distribution folder>]");
                System.exit(2);
            }
        }
        home = home.toAbsolutePath().normalize();
        FinrecRuntime runtime = FinrecRuntime.builder()
                .bundleFolder(home.resolve("bundles"))
                .mavenRepositoryFallback(false)
                .storageFolder(home.resolve("data"))
                .configurationFolder(home.resolve("conf"))
                .deployFolder(home.resolve("deploy"))
                .start();
        System.out.printf("Finrec runtime started in %d ms from %s%n", runtime.startupTime().toMillis(), home);
        for (Bundle bundle : runtime.provisionedBundles()) {
            System.out.printf("  %-8s %s %s%n", state(bundle), bundle.getSymbolicName(), bundle.getVersion());
        }
        System.out.println("Watching " + home.resolve("conf") + " and " + home.resolve("deploy")
                + "; stop with Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "finrec-shutdown"));
        stopped.await();
    }

    private static String state(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            default:
                return Integer.toString(bundle.getState());
        }
    }
}

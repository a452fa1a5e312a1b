package org.entente.cli;

import org.entente.federation.FederationLib;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteSys;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code entente} command line: serve, load, validate, query. */
@Command(name = "entente", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
         description = "A knowledge graph of international relations on Apache Jena Fuseki and TDB2.",
         subcommands = { ServeCmd.class, ClusterCmd.class, LoadCmd.class, ImportCmd.class, IngestCmd.class, ValidateCmd.class, QueryCmd.class, EnrichCmd.class, DumpCmd.class, GenerateCmd.class, CommandLine.HelpCommand.class })
public final class Main implements Runnable {

    /** Exit code of a command that failed on bad input or a bad state (a usage error is 2). */
    public static final int EXIT_FAILED = 1;

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        FederationLib.lockDown();
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof EntenteException) {
                cmd.getErr().println("entente: " + ex.getMessage());
                return EXIT_FAILED;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code entente --version}: this build and the Jena it runs on, as the build wrote them down. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] { "entente " + EntenteSys.VERSION + " (Apache Jena " + EntenteSys.JENA_VERSION + ")" };
        }
    }
}

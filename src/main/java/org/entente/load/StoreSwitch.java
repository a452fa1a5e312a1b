package org.entente.load;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.entente.sys.EntenteException;
import org.entente.sys.EntenteLog;
import org.entente.sys.FileLib;

/**
 * A fresh TDB2 database built beside a store's current one, and switched in by one rename.
 * <pre>
 *   StoreSwitch next = StoreSwitch.beside(dsg);      // store/Data-0002-tmp, empty
 *   DatasetGraphTDB fresh = next.database();         // fill it (TDB2's bulk loader), check it
 *   next.switchIn();                                 // store/Data-0002-tmp -> store/Data-0002, atomically
 * </pre>
 * A TDB2 store folder holds its database in {@code Data-NNNN} folders and, when it opens, uses the one
 * with the highest number; it first deletes any {@code Data-NNNN-tmp} folder, which is what its own
 * compaction builds in before renaming it. So the new database is built as {@code Data-(N+1)-tmp},
 * flushed to disk (every file and folder forced), and renamed to {@code Data-(N+1)}: before the rename a
 * crash leaves a {@code -tmp} folder that the next open deletes (and that {@link #beside} deletes too),
 * after it the store is wholly the new database. A rename within one folder is atomic on a POSIX file
 * system; the store folder is forced after it so the rename itself survives a power cut. The old
 * {@code Data-N} folder is then deleted; a crash while deleting it leaves a lower number, never opened.
 * <p>
 * Meant for a process that owns the store (the command line holds TDB2's lock): the switch waits for
 * the transactions of this process to end and takes the database from under the open dataset, as TDB2's
 * compaction does, so the caller's {@link DatasetGraph} reads the new database afterwards.
 */
public final class StoreSwitch {
    private static final Pattern DATA = Pattern.compile("Data-(\\d+)");
    private static final Pattern TMP = Pattern.compile("Data-\\d+-tmp");

    private final DatasetGraphSwitchable container;
    private final DatasetGraphTDB current;
    private final Path building;
    private final Path target;
    private DatasetGraphTDB fresh;

    private StoreSwitch(DatasetGraphSwitchable container, DatasetGraphTDB current, Path building, Path target) {
        this.container = container;
        this.current = current;
        this.building = building;
        this.target = target;
    }

    /** Whether a dataset is a TDB2 store on disk, which a database can be built beside. */
    public static boolean possible(DatasetGraph dsg) {
        return dsg instanceof DatasetGraphSwitchable s && s.hasContainerPath() && s.get() instanceof DatasetGraphTDB;
    }

    /** Starts a new, empty database beside the store's current one; a half-built one left by a killed run is deleted first. */
    public static StoreSwitch beside(DatasetGraph dsg) {
        if (!possible(dsg))
            throw new EntenteException("A bulk load needs a TDB2 store on disk");
        DatasetGraphSwitchable container = (DatasetGraphSwitchable) dsg;
        DatasetGraphTDB current = (DatasetGraphTDB) container.get();
        Path dir = container.getContainerPath();
        Path currentDir = Path.of(current.getLocation().getDirectoryPath());
        Matcher m = DATA.matcher(currentDir.getFileName().toString());
        if (!m.matches())
            throw new EntenteException("Unexpected TDB2 database folder " + currentDir);
        String next = String.format("Data-%04d", Integer.parseInt(m.group(1)) + 1);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> TMP.matcher(p.getFileName().toString()).matches()).toList()) {
                EntenteLog.loadLog.info("Deleting {}, a database left half-built by an earlier run", p);
                FileLib.deleteTree(p);
            }
            Path target = dir.resolve(next);
            if (Files.exists(target))
                throw new EntenteException("Cannot build beside " + currentDir + ": " + target + " exists already");
            Path building = dir.resolve(next + "-tmp");
            Files.createDirectories(building);
            copySettings(currentDir, building);
            return new StoreSwitch(container, current, building, target);
        } catch (IOException ex) {
            throw new EntenteException("Cannot build a database beside " + currentDir + ": " + ex.getMessage(), ex);
        }
    }

    /** The database being built, opened on first call with the store's own settings. */
    public DatasetGraphTDB database() {
        if (fresh == null)
            fresh = StoreConnection.connectCreate(Location.create(building), StoreLib.params(Runtime.getRuntime().maxMemory()),
                                                  current.getReorderTransform()).getDatasetGraphTDB();
        return fresh;
    }

    /** Gives up: the new database is closed and deleted; the store is as it was. */
    public void abandon() {
        try {
            if (fresh != null)
                StoreConnection.internalExpel(fresh.getLocation(), true);
            FileLib.deleteTree(building);
        } catch (IOException | RuntimeException ex) {
            EntenteLog.loadLog.warn("Could not delete {} (the next open of the store deletes it): {}", building, ex.getMessage());
        }
    }

    /**
     * Makes the new database the store's: closes it, forces it to disk, renames its folder into place
     * (the one step that switches), and points the open dataset at it. Waits for this process's
     * transactions on the store to end; none may start meanwhile.
     */
    public void switchIn() {
        Path dir = container.getContainerPath();
        Path oldDir = Path.of(current.getLocation().getDirectoryPath());
        TransactionCoordinator oldTxns = current.getTxnSystem().getTxnMgr();
        database();
        StoreConnection.internalExpel(fresh.getLocation(), false);
        boolean renamed = false;
        oldTxns.startExclusiveMode();
        try {
            forceTree(building);
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
            force(dir);
        } catch (IOException ex) {
            throw new EntenteException("Could not switch the store to " + target + ": " + ex.getMessage(), ex);
        } finally {
            if (!renamed)
                oldTxns.finishExclusiveMode();
        }
        try {
            DatasetGraphTDB next = StoreConnection.connectCreate(Location.create(target), StoreLib.params(Runtime.getRuntime().maxMemory()),
                                                                 current.getReorderTransform()).getDatasetGraphTDB();
            TransactionCoordinator newTxns = next.getTxnSystem().getTxnMgr();
            newTxns.execExclusive(() -> {
                newTxns.takeOverFrom(oldTxns);
                newTxns.modifyConfigDirect(() -> oldTxns.listExternals().forEach(newTxns::addExternal));
                if (!container.change(current, next))
                    container.set(next);
            });
            StoreConnection.internalExpel(current.getLocation(), true);
        } catch (RuntimeException ex) {
            throw new EntenteException("The store was switched to " + target + " on disk, but this process could not open it;"
                                       + " open the store again: " + ex.getMessage(), ex);
        }
        try {
            FileLib.deleteTree(oldDir);
        } catch (IOException ex) {
            EntenteLog.loadLog.warn("Could not delete the old database {} (it is never opened again): {}", oldDir, ex.getMessage());
        }
    }

    /** TDB2's settings file and optimizer statistics go along, as compaction carries them. */
    private static void copySettings(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.equals("tdb.cfg") || name.endsWith(".opt"))
                    Files.copy(f, to.resolve(name));
            }
        }
    }

    private static void forceTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile())
                    force(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException ex) throws IOException {
                if (ex != null)
                    throw ex;
                force(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Forces a file's (or a folder's entries') changes to disk. */
    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}

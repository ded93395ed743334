package com.sethihemant.site.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders, their sub-folders included (new ones too), and reports the paths that changed
 * once the file system has been quiet for a moment, so that an editor's save (often a write, a
 * rename and a delete) is one change.
 */
final class SourceWatcher implements AutoCloseable {

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final long quietMillis;
    private final Thread thread;

    /**
     * @param roots       folders to watch
     * @param quietMillis how long the file system must be quiet before changes are reported
     * @param onChange    called on the watcher's thread with the changed paths
     */
    SourceWatcher(List<Path> roots, long quietMillis, Consumer<Set<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quietMillis = quietMillis;
        for (Path root : roots) {
            register(root);
        }
        this.thread = new Thread(() -> run(onChange), "source-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void register(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                folders.put(key, folder);
            }
        }
    }

    private void run(Consumer<Set<Path>> onChange) {
        try {
            while (true) {
                Set<Path> changed = new TreeSet<>();
                WatchKey key = service.take();
                collect(key, changed);
                // Wait for quiet: more events within the window join this change.
                WatchKey next;
                while ((next = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    collect(next, changed);
                }
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                changed.add(folder == null ? Path.of(".") : folder);
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    register(path);
                } catch (IOException e) {
                    // The folder vanished again; the next build reports what is really there.
                }
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Closing only stops the watch; nothing to recover.
        }
        thread.interrupt();
    }
}

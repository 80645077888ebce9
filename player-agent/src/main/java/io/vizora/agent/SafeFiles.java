package io.vizora.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;

/**
 * Writes that survive a crash or power cut at any moment: to a temporary file beside the target,
 * forced to disk, then renamed over it atomically. Files and directories are private to the
 * agent's user where the file system knows POSIX permissions.
 */
public final class SafeFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SafeFiles() {
    }

    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, attributes("rwx------"));
        }
        return dir;
    }

    public static void write(Path target, byte[] content) throws IOException {
        var temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (var channel = FileChannel.open(temp, options(), attributes("rw-------"))) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static java.util.Set<StandardOpenOption> options() {
        return java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        var attributes = new ArrayList<FileAttribute<?>>();
        if (POSIX) {
            attributes.add(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        }
        return attributes.toArray(FileAttribute[]::new);
    }
}

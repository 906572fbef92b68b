package dev.cadenza.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Every file a command writes (export, pictures, reports, traces, calibrated models) is written
 * whole or not at all: into a temporary file beside the target (same directory, so the same file
 * system and an atomic rename), then renamed onto it. A failed write (a full disk, {@code ulimit
 * -f}, a killed process) leaves the old file as it was and no half file behind; the user gets one
 * line naming the path and the reason, exit 2 (the output named on the command line cannot be
 * written: bad usage, not a bug of ours). A missing directory is not created: a typo in the path
 * should not make directories.
 */
public final class OutputFile {

    /** Writes the content into the temporary file it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Path part) throws IOException;
    }

    private OutputFile() {
    }

    /** {@code text} in UTF-8 into {@code target}, whole or not at all. */
    public static void write(Path target, String text) {
        write(target, part -> Files.writeString(part, text, StandardCharsets.UTF_8));
    }

    /** What {@code body} writes into {@code target}, whole or not at all. */
    public static void write(Path target, Body body) {
        Path dir = directoryOf(target);
        Path part;
        try {
            part = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
        try {
            body.writeTo(part);
            readable(part);
            move(part, target);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // nothing more to do: the write itself succeeded or failed already, and says so
            }
        }
    }

    /** The directory the target goes in, which must exist; the target must not be a directory. */
    private static Path directoryOf(Path target) {
        if (Files.isDirectory(target)) {
            throw new UserInputException(target + ": cannot write: it is a directory; give a file name");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || target.getFileName() == null) {
            throw new UserInputException(target + ": cannot write: give a file name");
        }
        if (!Files.exists(dir)) {
            throw new UserInputException(target + ": cannot write: the directory " + shown(target, dir)
                    + " does not exist; create it first");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(target + ": cannot write: " + shown(target, dir) + " is not a directory");
        }
        return dir;
    }

    private static String shown(Path target, Path dir) {
        Path given = target.getParent();
        return given == null ? dir.toString() : given.toString();
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // a file system without atomic renames: still never a half-written target
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A temporary file is private to its owner; the file it becomes is readable like any other. */
    private static void readable(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its default stands
        }
    }

    /** The reason in words, not Java's exception names. */
    private static UserInputException cannotWrite(Path target, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "the directory disappeared";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else if (e.getMessage() != null) {
            reason = e.getMessage();
        } else {
            reason = e.getClass().getSimpleName();
        }
        boolean existed = Files.exists(target);
        return new UserInputException(target + ": cannot write: " + reason
                + (existed ? " (the file is left as it was)" : ""));
    }
}

package dev.cadenza.cli.picture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * J2V8's native library (V8 for the bundled layout engine), loaded by us instead of by J2V8,
 * with its executable-stack flag cleared first.
 *
 * <p>The library graphviz-java ships is linked with an executable stack (its {@code PT_GNU_STACK}
 * program header says RWE). Loading such a library makes the JVM print two warnings about its
 * stack guard on stderr, and recent C libraries refuse to load it at all. V8 needs no executable
 * stack: it runs generated code from pages it maps itself. So we copy the library out of the jar,
 * clear the one flag bit in that header, load the copy, and tell J2V8 the library is loaded
 * (its {@code V8.nativeLibraryLoaded}; J2V8 has no public way to take a library loaded by its
 * user). Each process gets its own folder and the file is removed once loaded (Linux keeps a
 * mapped file alive), so two cadenza runs at once never overwrite a library the other has mapped.
 */
final class V8Library {

    static final String RESOURCE = "/libj2v8_linux_x86_64.so";
    private static final int PT_GNU_STACK = 0x6474e551;
    private static final int PF_X = 1;
    private static boolean loaded;

    private V8Library() {
    }

    /** Whether this platform has the bundled library (Linux on x86_64). */
    static boolean availableHere() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))
                && V8Library.class.getResource(RESOURCE) != null;
    }

    /** Loads the library once per JVM; throws {@link IllegalStateException} saying why it cannot. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (!availableHere()) {
            throw new IllegalStateException("the bundled layout engine (V8) runs on Linux x86_64 only");
        }
        byte[] elf;
        try (InputStream in = V8Library.class.getResourceAsStream(RESOURCE)) {
            elf = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read the bundled V8 library: " + e.getMessage(), e);
        }
        clearExecutableStack(elf);
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("cadenza-v8-");
            file = Files.write(dir.resolve(RESOURCE.substring(1)), elf);
            System.load(file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the bundled V8 library to a temporary folder: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
            deleteQuietly(dir);
        }
        try {
            Field f = com.eclipsesource.v8.V8.class.getDeclaredField("nativeLibraryLoaded");
            f.setAccessible(true);
            f.setBoolean(null, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this J2V8 cannot be told its library is loaded: " + e, e);
        }
        loaded = true;
    }

    /**
     * Clears the execute bit of the {@code PT_GNU_STACK} program header of a 64-bit
     * little-endian ELF file, in place; returns whether it was set. Anything else is left as it is.
     */
    static boolean clearExecutableStack(byte[] elf) {
        if (elf.length < 64 || elf[0] != 0x7F || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F'
                || elf[4] != 2 /* ELFCLASS64 */ || elf[5] != 1 /* little-endian */) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(0x20);
        int phentsize = Short.toUnsignedInt(b.getShort(0x36));
        int phnum = Short.toUnsignedInt(b.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            if (at < 0 || at + 8 > elf.length) {
                return false;
            }
            if (b.getInt((int) at) == PT_GNU_STACK) {
                int flags = b.getInt((int) at + 4);
                b.putInt((int) at + 4, flags & ~PF_X);
                return (flags & PF_X) != 0;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is not worth failing a picture for
        }
    }
}

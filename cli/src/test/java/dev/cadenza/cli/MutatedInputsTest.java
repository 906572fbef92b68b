package dev.cadenza.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The issue's fuzz test: the example models and nets, mutated as a careless edit or a broken
 * generator would (a token deleted, a line duplicated, two tokens swapped, garbage inserted,
 * a predicate or loop nested deeply, a number made huge), given to the commands. Whatever the
 * input, the answer is a normal one (exit 0, 1, or 3 at the small limits given here) or bad input:
 * exit 2 with each line on stderr placed ({@code file:line:col: …}, or {@code file: …} for what
 * has no line, such as a command-line option). Never a stack trace, never exit 70 or any other
 * code. The searches are bounded (--max-classes) so that the whole property stays within seconds.
 */
class MutatedInputsTest {

    private static final Path ROOT = Path.of(ExampleFiles.example("")).getParent();
    private static final List<String> MODELS = List.of("server-client.cdz", "openstack.cdz", "openstack-sequential.cdz");
    private static final List<String> NETS = List.of("abp.net", "ifip.net", "plant.net", "train3.net", "wodes.net");
    private static final List<String> PNML = List.of("Dekker-PT-010.pnml", "Peterson-PT-2.pnml");
    private static final String[] HUGE = {"99999999999999999999", "2147483648", "134217728", "4294967296", "0",
            "1" + "0".repeat(40), "9223372036854775808", "0.00000001"};
    private static final String[] GARBAGE = {"{", "}", "(", ")", "[", "]", ",", ":", "->", "..", "=", "#", "\"", "@", "\\",
            "\u00e9", "\uFEFF", "\u0007", "\r", "\t", "for i in 1..3:", "inf", "w[", "*", "?-", "<", "/>", "&amp;",
            "<!DOCTYPE x>", "\u0000", "and", "not", "AG", "->"};
    private static final Pattern TOKEN = Pattern.compile("\\s+|[A-Za-z_][A-Za-z_0-9.']*|\\d+(\\.\\d+)?|.",
            Pattern.DOTALL);
    private static final Pattern PLACED = Pattern.compile("\\S[^\\n]*?(:\\d+:\\d+)?: \\S.*");

    private static Path dir;
    private static int counter;

    record Mutant(String name, String text, String[] commandTail, String what) {
        @Override
        public String toString() {
            return what + " of " + name + " (" + text.length() + " chars)";
        }
    }

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("cadenza-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Mutant> models() {
        return Arbitraries.randomValue(r -> {
            String name = MODELS.get(r.nextInt(MODELS.size()));
            return mutate(name, read(ROOT.resolve("examples").resolve(name)), r, true);
        });
    }

    @Provide
    Arbitrary<Mutant> nets() {
        return Arbitraries.randomValue(r -> {
            boolean pnml = r.nextInt(4) == 0;
            String name = pnml ? PNML.get(r.nextInt(PNML.size())) : NETS.get(r.nextInt(NETS.size()));
            Path p = ROOT.resolve("petri/src/test/resources").resolve(pnml ? "mcc/small" : "tina").resolve(name);
            return mutate(name, read(p), r, false);
        });
    }

    private static Mutant mutate(String name, String text, Random r, boolean model) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        StringBuilder what = new StringBuilder();
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int i = r.nextInt(tokens.size());
            switch (r.nextInt(8)) {
                case 0 -> {
                    what.append("delete '").append(tokens.get(i).strip()).append("'; ");
                    tokens.remove(i);
                }
                case 1 -> {
                    int j = r.nextInt(tokens.size());
                    what.append("swap '").append(tokens.get(i).strip()).append("' and '").append(tokens.get(j).strip())
                            .append("'; ");
                    String t = tokens.get(i);
                    tokens.set(i, tokens.get(j));
                    tokens.set(j, t);
                }
                case 2 -> {
                    String g = GARBAGE[r.nextInt(GARBAGE.length)];
                    what.append("insert ").append(visible(g)).append("; ");
                    tokens.add(i, g);
                }
                case 3 -> {
                    // duplicate the line holding token i
                    int from = i;
                    while (from > 0 && !tokens.get(from - 1).contains("\n")) {
                        from--;
                    }
                    int to = i;
                    while (to < tokens.size() - 1 && !tokens.get(to).contains("\n")) {
                        to++;
                    }
                    what.append("duplicate a line; ");
                    tokens.addAll(to + 1, new ArrayList<>(tokens.subList(from, to + 1)));
                }
                case 4, 5 -> {
                    List<Integer> numbers = new ArrayList<>();
                    for (int k = 0; k < tokens.size(); k++) {
                        if (Character.isDigit(tokens.get(k).charAt(0))) {
                            numbers.add(k);
                        }
                    }
                    if (!numbers.isEmpty()) {
                        int k = numbers.get(r.nextInt(numbers.size()));
                        String h = HUGE[r.nextInt(HUGE.length)];
                        what.append("number ").append(tokens.get(k)).append(" -> ").append(h).append("; ");
                        tokens.set(k, h);
                    }
                }
                case 6 -> {
                    int depth = new int[] {150, 250, 3000}[r.nextInt(3)];
                    String t = tokens.get(i);
                    if (model || t.isBlank()) {
                        String open = r.nextBoolean() ? "(" : "not ";
                        what.append("nest ").append(depth).append(" '").append(open.strip()).append("'; ");
                        tokens.add(i, open.repeat(depth));
                        if (open.equals("(")) {
                            tokens.add(i + 2, ")".repeat(depth));
                        }
                    } else {
                        what.append("nest ").append(depth).append(" elements; ");
                        tokens.add(i, "<a>".repeat(depth) + "</a>".repeat(depth));
                    }
                }
                default -> {
                    what.append("delete a line; ");
                    int from = i;
                    while (from > 0 && !tokens.get(from - 1).contains("\n")) {
                        from--;
                    }
                    int to = i;
                    while (to < tokens.size() - 1 && !tokens.get(to).contains("\n")) {
                        to++;
                    }
                    tokens.subList(from, to + 1).clear();
                    if (tokens.isEmpty()) {
                        tokens.add("\n");
                    }
                }
            }
        }
        String[] tail;
        if (model) {
            tail = switch (r.nextInt(4)) {
                case 0 -> new String[] {"bounds"};
                case 1 -> new String[] {"export", "--format", "net"};
                default -> new String[] {"check"};
            };
        } else {
            tail = switch (r.nextInt(3)) {
                case 0 -> new String[] {"bounds"};
                case 1 -> new String[] {"bounds", "--target", "(".repeat(250) + "p >= 1" + ")".repeat(250)};
                default -> new String[] {"explore"};
            };
        }
        return new Mutant(name, String.join("", tokens), tail, what.toString());
    }

    private static String visible(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            sb.append(c < 32 || c == 0xFEFF ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append("'").toString();
    }

    @Property(tries = 60)
    void mutatedModelsGetAVerdictOrOnePlacedError(@ForAll("models") Mutant m) throws IOException {
        check(m);
    }

    @Property(tries = 60)
    void mutatedNetsGetAnAnswerOrOnePlacedError(@ForAll("nets") Mutant m) throws IOException {
        check(m);
    }

    private static void check(Mutant m) throws IOException {
        String ending = m.name().substring(m.name().lastIndexOf('.'));
        Path file = dir.resolve("m" + (counter++) + ending);
        Files.writeString(file, m.text(), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>();
        args.add(m.commandTail()[0]);
        args.add(file.toString());
        args.addAll(List.of(m.commandTail()).subList(1, m.commandTail().length));
        args.addAll(List.of("--max-classes", "3000", "--quiet"));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        String context = m + "\n" + String.join(" ", args.subList(0, Math.min(args.size(), 4))) + "\nexit " + r.exit()
                + "\n" + r.err();
        assertTrue(r.exit() == 0 || r.exit() == 1 || r.exit() == 2 || r.exit() == 3, context);
        if (r.err().contains("\tat ") || r.err().contains("internal error") || r.err().contains("Exception")) {
            fail("a stack trace or an internal error: " + context);
        }
        if (r.exit() == 2) {
            List<String> lines = r.err().lines().filter(l -> !l.contains(": warning: ")).toList();
            assertTrue(!lines.isEmpty(), context);
            for (String line : lines) {
                assertTrue(PLACED.matcher(line).matches() && line.startsWith(file.toString())
                        || line.startsWith("--target:1:"), "not a placed line: " + line + "\n" + context);
            }
        }
    }
}

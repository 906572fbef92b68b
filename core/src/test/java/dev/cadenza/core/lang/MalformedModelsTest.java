package dev.cadenza.core.lang;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Malformed model files, each with the one message and position it must produce. Syntax errors
 * stop the parse; validation cases must produce exactly the expected problem and nothing else
 * (no cascade of follow-up errors).
 */
class MalformedModelsTest {

    /** Program text after the Server and Client types; lines count from the first program line. */
    private static final String TYPES = SeedModels.SERVER_CLIENT_TYPES;
    private static final int TYPE_LINES = (int) TYPES.lines().count();

    record Case(String name, boolean afterTypes, String text, int line, int column, String message) {
        String source() {
            return afterTypes ? TYPES + text : text;
        }

        String expected() {
            return "bad.cdz:" + (afterTypes ? TYPE_LINES + line : line) + ":" + column + ": " + message;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case syntax(String name, String text, int line, int column, String message) {
        return new Case(name, false, text, line, column, message);
    }

    private static Case problem(String name, String text, int line, int column, String message) {
        return new Case(name, false, text, line, column, message);
    }

    private static Case inProgram(String name, String program, int line, int column, String message) {
        return new Case(name, true, program, line, column, message);
    }

    private static final String ONE = """
            component A {
              places a, b
              initial a
              behavior deploy { t: a -> b [1, 2] }
              provide p at b
              use q by t
            }
            """;

    static Stream<Case> syntaxErrors() {
        return Stream.of(
                syntax("missing destination", "component A {\n  places a\n  initial a\n  behavior b {\n    t: a -> [1, 2]\n  }\n}\n",
                        5, 13, "expected the destination place of transition t, found '['"),
                syntax("maximum below minimum", "component A {\n  behavior b { t: a -> b [5, 2] }\n}\n",
                        2, 26, "the duration of transition t has maximum 2 below its minimum 5; write [min, max] with min <= max"),
                syntax("unterminated string", "component A {\n  behavior b { t: a -> b [1, 2] action \"ls }\n}\n",
                        2, 40, "unterminated string; close it with '\"' on the same line"),
                // a backslash at the end of the line is not an escape of the newline (the message stays one line)
                syntax("backslash before the line end", "component A {\n  behavior b { t: a -> b [1, 2] action \"ls \\\n\"}\n}\n",
                        2, 40, "unterminated string; close it with '\"' on the same line"),
                syntax("misspelt declaration", "componet A {}\n",
                        1, 1, "expected 'component', 'program', 'assembly', 'deployment', 'verify', 'semantics' or 'step', found 'componet'"),
                syntax("unknown semantics", "semantics madeus\n",
                        1, 11, "unknown semantics 'madeus'; the runtimes are concerto or concerto-d"),
                syntax("semantics with a spaced dash", "semantics concerto - d\n",
                        1, 20, "write the runtime as one word: concerto or concerto-d"),
                syntax("semantics twice", "semantics concerto\nsemantics concerto-d\n",
                        2, 1, "the semantics is declared twice; keep one 'semantics' line"),
                syntax("unbounded step", "step [0, inf]\n",
                        1, 1, "the step is unbounded; give its maximum, e.g. 'step [0, 0.05]'"),
                syntax("step without interval", "step 0.05\n",
                        1, 6, "expected the step's interval '[min, max]', e.g. 'step [0, 0.05]', found '0.05'"),
                syntax("step maximum below minimum", "step [0.05, 0]\n",
                        1, 6, "the step has maximum 0 below its minimum 0.05; write [min, max] with min <= max"),
                syntax("pushB in lower case", "program p {\n  pushb(s, deploy)\n}\n",
                        2, 3, "unknown instruction 'pushb'; instructions are add, del, con, dcon, pushB, wait, waitAll and for"),
                syntax("missing closing parenthesis", "program p {\n  wait(c\n  waitAll\n}\n",
                        3, 3, "expected ')', found 'waitAll'"),
                syntax("loop without body", "program p {\n  for i in 1..3:\n  waitAll\n}\n",
                        3, 3, "the loop 'for i' has an empty body; indent its statements deeper than 'for' on the following lines"),
                syntax("loop header without colon", "program p {\n  for i in 1..n\n    wait(c)\n}\n",
                        3, 5, "expected ':' ending the loop header, found 'wait'"),
                syntax("forbidden without predicate", "verify p {\n  forbidden\n  bounds\n}\n",
                        2, 3, "expected a predicate after 'forbidden' on the same line"),
                syntax("stray character", "component A {\n  places a, @b\n}\n",
                        2, 13, "unexpected character '@'"),
                syntax("port without binding", "component A {\n  provide ip data\n}\n",
                        3, 1, "expected 'at', 'from' or 'by' binding port ip, found '}'"),
                syntax("two initial places", "component A {\n  places a, b\n  initial a\n  initial b\n}\n",
                        4, 3, "component A already has initial place 'a'; a component starts in one place"),
                syntax("parallel of one", "verify p {\n  parallel s\n}\n",
                        3, 1, "expected ',' and another instance (parallel names at least two), found '}'"),
                syntax("unclosed loop note", "program p {\n  for i in 1..2: [n+1..\n    wait(c)\n}\n",
                        2, 18, "unclosed '[' note after the loop header; close it with ']' on the same line"),
                syntax("unknown property", "verify p {\n  deadlockfree\n}\n",
                        2, 3, "expected a property (deployable, forbidden, sequence, parallel, bounds, within, query,"
                                + " response) or '}', found 'deadlockfree'"),
                syntax("response without leads to", "verify p {\n  response a.b within 3\n}\n",
                        2, 12, "expected 'leads to' after the predicate; write 'response PRED leads to PRED within"
                                + " SECONDS' on one line"),
                syntax("response without within", "verify p {\n  response a.b leads to c.d\n}\n",
                        2, 24, "expected 'within SECONDS' after the second predicate; write 'response PRED leads to"
                                + " PRED within SECONDS' on one line"),
                syntax("response with a bad time", "verify p {\n  response a.b leads to c.d within soon\n}\n",
                        2, 36, "expected a time in seconds after 'within', not 'soon'; write 'response PRED leads to"
                                + " PRED within SECONDS' on one line"),
                syntax("response without a trigger", "verify p {\n  response leads to c.d within 2\n}\n",
                        2, 12, "expected a predicate before 'leads to'; write 'response PRED leads to PRED within"
                                + " SECONDS' on one line"),
                syntax("con without comma", "program p {\n  con(s.ip c.server_ip)\n}\n",
                        2, 12, "expected ',' between the provide port and the use port, found 'c'"),
                syntax("transition outside a behavior", "component A {\n  places a, b\n  t: a -> b [1, 2]\n}\n",
                        3, 3, "expected 'places', 'initial', 'behavior', 'group', 'join', 'provide', 'use' or '}'"
                                + " in component A, found 't' (transitions go inside 'behavior NAME { … }')"),
                syntax("param inside a loop", "program p {\n  for i in 1..2:\n    param n = 2\n}\n",
                        3, 5, "'param' inside a loop; declare parameters at the top level of the program"),
                syntax("file ends inside a component", "component A {\n  places a\n",
                        3, 1, "expected 'places', 'initial', 'behavior', 'group', 'join', 'provide', 'use' or '}'"
                                + " in component A, found end of file"));
    }

    static Stream<Case> validationProblems() {
        return Stream.of(
                problem("unknown place", ONE.replace("behavior deploy { t: a -> b [1, 2] }",
                                "behavior deploy { t: a -> b [1, 2] }\n  behavior x { u: b -> c [1, 2] }"),
                        5, 16, "unknown place 'c' in component A; places are a, b"),
                problem("unknown initial place", ONE.replace("initial a", "initial z"),
                        3, 11, "unknown place 'z' in component A; places are a, b"),
                problem("a duration too large for the exact engines", ONE.replace("[1, 2]", "[1, 99999999999999999999]"),
                        4, 21, "the duration [1, 99999999999999999999] of transition A.t is too large: exact analyses"
                                + " count time in units of 1 s, at most 2^27 = 134217728 of them; write a shorter time"),
                problem("decimals that make a long duration too fine", ONE.replace("[1, 2]", "[0.0001, 100000]"),
                        4, 21, "the duration [0.0001, 100000] of transition A.t is too large: exact analyses count"
                                + " time in units of 1/10000 s (the finest decimal of the model), at most 2^27 = 134217728"
                                + " of them; write a shorter time or fewer decimals"),
                problem("duplicate place", ONE.replace("places a, b", "places a, b, a"),
                        2, 16, "duplicate place 'a' in component A; the first is at bad.cdz:2:10, give this one another name"),
                problem("duplicate transition", ONE.replace("behavior deploy { t: a -> b [1, 2] }",
                                "behavior deploy { t: a -> b [1, 2] }\n  behavior undo { t: b -> a [1, 2] }"),
                        5, 19, "duplicate transition 't' in component A (transition names are unique across behaviors);"
                                + " the first is at bad.cdz:4:21, give this one another name"),
                problem("duplicate behavior", ONE.replace("behavior deploy { t: a -> b [1, 2] }",
                                "behavior deploy { t: a -> b [1, 2] }\n  behavior deploy { u: b -> a [1, 2] }"),
                        5, 3, "duplicate behavior 'deploy' in component A; the first is at bad.cdz:4:3, give this one another name"),
                problem("duplicate port", ONE.replace("use q by t", "use q by t\n  use p at a"),
                        7, 3, "duplicate port 'p' in component A; the first is at bad.cdz:5:3, give this one another name"),
                problem("duplicate component type", ONE + ONE.replace("use q by t", "use q by t"),
                        8, 1, "duplicate component type 'A'; the first is at bad.cdz:1:1, give this one another name"),
                problem("at an unknown place", ONE.replace("provide p at b", "provide p at bb"),
                        5, 3, "unknown place or group 'bb' binding provide port p of component A; places are a, b"),
                problem("by on a provide port", ONE.replace("provide p at b", "provide p by t"),
                        5, 3, "'by' binds use ports only; bind provide port p of component A 'at' places or groups,"
                                + " or 'from' a place"),
                problem("from an unknown place", ONE.replace("provide p at b", "provide p from x"),
                        5, 3, "unknown place 'x' in component A; places are a, b"),
                problem("by an unknown transition", ONE.replace("use q by t", "use q by tt"),
                        6, 3, "unknown transition 'tt' in component A; transitions are t"),
                problem("join of a transition that does not enter", ONE.replace("use q by t", "use q by t\n  join a { t }"),
                        7, 3, "transition 't' of component A does not enter place 'a'; no transition enters a"),
                problem("unreachable place", ONE.replace("places a, b", "places a, b, lost"),
                        2, 16, "warning: place 'lost' of component A cannot be reached from initial place 'a' by any transition"),
                problem("verify of nothing", ONE + "verify nothing { bounds }\n",
                        8, 1, "verify names 'nothing', which is neither a program nor an assembly; there are no programs;"
                                + " there are no assemblies"),
                inProgram("provider and user swapped", "program p {\n  add(s : Server)\n  add(c : Client)\n"
                                + "  con(c.server, s.service)\n}\n",
                        4, 7, "con names use port c.server first; the provide port comes first: con(s.service, c.server)"),
                inProgram("kinds differ", "program p {\n  add(s : Server)\n  add(c : Client)\n"
                                + "  con(s.service, c.server_ip)\n}\n",
                        4, 18, "s.service is a service port but c.server_ip a data port; con ports of the same kind"),
                inProgram("use port connected twice", "program p {\n  add(s : Server)\n  add(c : Client)\n"
                                + "  con(s.ip, c.server_ip)\n  con(s.ip, c.server_ip)\n}\n",
                        5, 3, "use port c.server_ip is already connected to s.ip (by the con at bad.cdz:" + (TYPE_LINES + 4)
                                + ":3); a use port has one provider, dcon it first"),
                inProgram("pushB of a missing behavior", "program p {\n  add(s : Server)\n  pushB(s, install)\n}\n",
                        3, 3, "component type Server (of s) has no behavior 'install'; behaviors are deploy, maintain"),
                inProgram("wait on a component never added", "program p {\n  add(s : Server)\n  wait(c)\n}\n",
                        3, 3, "wait on component 'c', which is never added before; add it with add(c : TYPE)"
                                + " or start the program 'after' the one that adds it"),
                inProgram("del of a connected component", "program p {\n  add(s : Server)\n  add(c : Client)\n"
                                + "  con(s.ip, c.server_ip)\n  del(s)\n}\n",
                        5, 3, "del(s) while it still has connections: s.ip -> c.server_ip; dcon them first"),
                inProgram("con after del", "program p {\n  add(s : Server)\n  add(c : Client)\n  del(s)\n"
                                + "  con(s.ip, c.server_ip)\n}\n",
                        5, 3, "con on component 's', deleted by the del at bad.cdz:" + (TYPE_LINES + 4) + ":3; add it again first"),
                inProgram("unknown component type", "program p {\n  add(s : Sever)\n}\n",
                        2, 3, "unknown component type 'Sever'; types are Server, Client"),
                inProgram("unknown port", "program p {\n  add(s : Server)\n  add(c : Client)\n"
                                + "  con(s.ipp, c.server_ip)\n}\n",
                        4, 7, "unknown port 'ipp' in component s (Server); ports are ip, service"),
                inProgram("unknown loop bound", "program p {\n  param n = 2\n  for i in 1..m:\n    add(s{i} : Server)\n}\n",
                        3, 15, "unknown parameter 'm' in loop bounds; declare it with 'param m = …' (the names here are n)"),
                inProgram("unknown template variable", "program p {\n  for i in 1..2:\n    add(s{j} : Server)\n}\n",
                        3, 5, "unknown variable {j} in 's{j}'; the variables here are i"),
                inProgram("after an unknown program", "program p after q {\n  waitAll\n}\n",
                        1, 1, "unknown program 'q' in 'after' of program p; programs are p"),
                inProgram("programs after each other in a cycle", "program p after q {\n  waitAll\n}\n"
                                + "program q after p {\n  waitAll\n}\n",
                        1, 1, "program p starts after itself through 'after' clauses; the programs must follow each"
                                + " other without a cycle"),
                inProgram("program and assembly share a name", "program p {\n  waitAll\n}\nassembly p {\n  s: Server\n}\n",
                        4, 1, "duplicate program or assembly name 'p'; the first is at bad.cdz:" + (TYPE_LINES + 1)
                                + ":1, give this one another name"),
                inProgram("connect of an unknown instance", "assembly a {\n  s: Server\n  connect s.ip -> c.server_ip\n}\n",
                        3, 19, "unknown instance 'c' in assembly a; instances are s"),
                inProgram("sequence of an unknown transition", "assembly a {\n  s: Server\n}\n"
                                + "verify a {\n  sequence s.allocate before s.strt\n}\n",
                        5, 30, "unknown transition 'strt' in component Server (of s); transitions are allocate, start, stop"),
                inProgram("deployable of an unknown deployment", "assembly a {\n  s: Server\n}\n"
                                + "verify a {\n  deployable untimed up\n}\n",
                        5, 3, "unknown deployment 'up'; there are no deployments"),
                inProgram("deployment place unknown", "assembly a {\n  s: Server\n}\ndeployment up { s: runing }\n"
                                + "verify a {\n  deployable up\n}\n",
                        4, 17, "unknown place 'runing' in component Server (of s); places are undeployed, allocated, running"),
                inProgram("runaway loop", "program p {\n  param n = 1000000000\n  for i in 1..n:\n    waitAll\n}\n",
                        1, 1, "program p unrolls to more than 1000000 instructions; check its loop bounds and parameters"),
                inProgram("nested runaway loop", "program p {\n  for i in 1..99999999999:\n    for j in 2..i:\n"
                                + "      waitAll\n}\n",
                        1, 1, "program p unrolls to more than 1000000 instructions; check its loop bounds and parameters"),
                inProgram("deployment naming an instance twice", "deployment up { s: running, s: allocated }\n",
                        1, 29, "duplicate entry for instance 's' in deployment up; the first is at bad.cdz:"
                                + (TYPE_LINES + 1) + ":17, give this one another name"),
                inProgram("parallel of an unknown instance", "assembly a {\n  s: Server\n}\n"
                                + "verify a {\n  parallel s, x\n}\n",
                        5, 3, "unknown instance 'x' in assembly a; instances are s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void syntaxErrorIsReportedWhereItIs(Case c) {
        ModelSyntaxException e = assertThrows(ModelSyntaxException.class, () -> ModelParser.parse("bad.cdz", c.source()));
        assertEquals(c.expected(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validationProblems")
    void validationReportsExactlyTheProblem(Case c) {
        List<String> problems = ModelValidator.validate(ModelParser.parse("bad.cdz", c.source())).stream()
                .map(Problem::toString).toList();
        assertEquals(List.of(c.expected()), problems);
    }
}

package dev.cadenza.core.whatif;

import dev.cadenza.core.lang.ModelParser;
import dev.cadenza.core.lang.ModelValidationException;
import dev.cadenza.core.model.ComponentType;
import dev.cadenza.core.model.Duration;
import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatIfTest {

    private static final String MODEL = """
            component Db {
              places off, on
              initial off
              behavior deploy {
                pull: off -> on [1, 3]
              }
            }
            component App {
              places off, on
              initial off
              behavior deploy {
                start: off -> on [2, 4]
              }
            }
            program deploy {
              param n = 2
              for i in 1..n:
                  add(db{i} : Db)
                  pushB(db{i}, deploy)
              waitAll
            }
            program more after deploy {
              param n = 1
              add(app : App)
              pushB(app, deploy)
              wait(app)
            }
            assembly pair {
              db1: Db
              app: App
            }
            """;

    private static Model model() {
        return ModelParser.parse("m.cdz", MODEL);
    }

    private static Overridden apply(List<String> params, List<String> intervals) {
        return WhatIf.parse(params, intervals).applyTo(model());
    }

    private static Duration pull(Model m, String type) {
        ComponentType t = m.type(type).orElseThrow();
        return t.transition("pull").orElseThrow().duration();
    }

    private static String typeOfAdd(Model m, String program, String instance) {
        for (Instruction i : m.program(program).orElseThrow().instructions()) {
            if (i instanceof Instruction.Add a && a.instance().equals(instance)) {
                return a.type();
            }
        }
        return null;
    }

    @Test
    void aParameterForEveryProgramThatDeclaresIt() {
        Overridden o = apply(List.of("n=4"), List.of());
        assertEquals(4, o.model().program("deploy").orElseThrow().parameters().get(0).value());
        assertEquals(4, o.model().program("more").orElseThrow().parameters().get(0).value());
        assertEquals("db4", typeOfAdd(o.model(), "deploy", "db4") == null ? null : "db4");
        assertEquals(2, o.applied().size());
        assertEquals("deploy.n", o.applied().get(0).target());
        assertEquals("2", o.applied().get(0).was());
        assertEquals("4", o.applied().get(0).now());
    }

    @Test
    void aProgramsOwnParameterWinsOverTheGeneralOne() {
        Overridden o = apply(List.of("n=4", "more.n=7"), List.of());
        assertEquals(4, o.model().program("deploy").orElseThrow().parameters().get(0).value());
        assertEquals(7, o.model().program("more").orElseThrow().parameters().get(0).value());
    }

    @Test
    void aTypeIntervalChangesEveryInstance() {
        Overridden o = apply(List.of(), List.of("Db.pull=[0,8]"));
        assertEquals(Duration.of(0, 8), pull(o.model(), "Db"));
        assertEquals("Db", typeOfAdd(o.model(), "deploy", "db1"));
        AppliedOverride a = o.applied().get(0);
        assertEquals("Db.pull", a.target());
        assertEquals("[1, 3]", a.was());
        assertEquals("[0, 8]", a.now());
        assertEquals(List.of("program deploy: db1, db2", "assembly pair: db1"), a.appliesTo());
    }

    @Test
    void anInstanceIntervalGivesTheInstanceATypeOfItsOwnEvenInsideALoop() {
        Overridden o = apply(List.of(), List.of("db2.pull=[0.5,inf]", "Db.pull=[2,2]"));
        Model m = o.model();
        assertEquals(Duration.of(2, 2), pull(m, "Db"));
        assertEquals("Db", typeOfAdd(m, "deploy", "db1"));
        assertEquals("Db@db2", typeOfAdd(m, "deploy", "db2"));
        assertEquals(new Duration(new BigDecimal("0.5"), null), pull(m, "Db@db2"));
        // the assembly's db1 keeps the type
        assertEquals("Db", m.assembly("pair").orElseThrow().instances().get(0).type());
        // in the order given
        assertEquals("db2.pull", o.applied().get(0).target());
        assertEquals("Db.pull", o.applied().get(1).target());
        assertEquals(List.of("program deploy: db1", "assembly pair: db1"), o.applied().get(1).appliesTo());
        assertEquals(List.of("program deploy: db2 (Db)"), o.applied().get(0).appliesTo());
    }

    @Test
    void anInstanceOfSeveralSubjectsIsChangedInEach() {
        Overridden o = apply(List.of(), List.of("db1.pull=[5,6]"));
        Model m = o.model();
        assertEquals("Db@db1", typeOfAdd(m, "deploy", "db1"));
        assertEquals("Db@db1", m.assembly("pair").orElseThrow().instances().get(0).type());
        assertEquals(Duration.of(5, 6), pull(m, "Db@db1"));
        assertEquals(Duration.of(1, 3), pull(m, "Db"));
    }

    @Test
    void aParameterDecidesWhichInstancesExist() {
        Overridden o = apply(List.of("deploy.n=3"), List.of("db3.pull=[0,1]"));
        assertEquals("Db@db3", typeOfAdd(o.model(), "deploy", "db3"));
    }

    @Test
    void everyWrongOptionIsReportedAtOnceWithItsPositionAndTheNamesThatExist() {
        ModelValidationException e = assertThrows(ModelValidationException.class, () -> apply(
                List.of("m=3", "x.n=1", "more.k=2", "n=", "n=1", "n=2"),
                List.of("db9.pull=[0,1]", "Db.push=[0,1]", "db1.push=[1,2]", "Db.pull=[3,1]", "Db.pull[1,2]",
                        "Db.pull=[1,2", "Db.pull=[a,2]")));
        String msg = e.getMessage();
        List<String> lines = msg.lines().toList();
        assertEquals("--param:1:1: unknown parameter 'm'; the parameters are n (program deploy), n (program more)",
                lines.get(0));
        assertEquals("--param:2:1: unknown program 'x'; programs are deploy, more", lines.get(1));
        assertEquals("--param:3:1: program more has no parameter 'k'; its parameters are n", lines.get(2));
        assertTrue(lines.get(3).startsWith("--param:4:3: expected a non-negative integer value"), lines.get(3));
        assertTrue(lines.get(4).startsWith("--param:6:1: parameter n is given twice (first at --param:5:1)"), msg);
        assertTrue(msg.contains("--interval:1:1: unknown instance or component type 'db9'; instances are app, db1;"
                + " types are Db, App"), msg);
        assertTrue(msg.contains("--interval:2:1: unknown transition 'push' of component type Db; its transitions are"
                + " pull"), msg);
        assertTrue(msg.contains("--interval:3:1: unknown transition 'push' of instance db1 (Db); its transitions are"
                + " pull"), msg);
        assertTrue(msg.contains("--interval:4:12: the maximum 1 is below the minimum 3"), msg);
        assertTrue(msg.contains("--interval:5:8: expected '=[min,max]' after 'Db.pull'"), msg);
        assertTrue(msg.contains("--interval:6:13: expected ']' closing the interval"), msg);
        assertTrue(msg.contains("--interval:7:10: expected the interval's minimum"), msg);
        assertEquals(12, lines.size(), msg);
    }

    @Test
    void aNameThatIsBothATypeAndAnInstanceIsAmbiguous() {
        String text = MODEL.replace("app: App", "Db: App");
        ModelValidationException e = assertThrows(ModelValidationException.class, () ->
                WhatIf.parse(List.of(), List.of("Db.start=[0,1]")).applyTo(ModelParser.parse("m.cdz", text)));
        assertTrue(e.getMessage().startsWith("--interval:1:1: 'Db' is both a component type and an instance"),
                e.getMessage());
    }

    @Test
    void aTypeWithoutInstancesIsAWarning() {
        String text = MODEL + "component Spare {\n places a, b\n initial a\n behavior d { pull: a -> b [1, 2] }\n}\n";
        Overridden o = WhatIf.parse(List.of(), List.of("Spare.pull=[0,1]")).applyTo(ModelParser.parse("m.cdz", text));
        assertEquals(1, o.warnings().size());
        assertTrue(o.warnings().get(0).toString().contains("has no instance"), o.warnings().toString());
    }

    @Test
    void theRuntimeDeclarationsSurviveTheOverrides() {
        Model m = ModelParser.parse("m.cdz", "semantics concerto-d\nstep [0, 0.05]\n" + MODEL);
        Overridden o = WhatIf.parse(List.of("n=3"), List.of("Db.pull=[0,1]", "db1.pull=[2,2]")).applyTo(m);
        assertEquals(m.semantics(), o.model().semantics());
        assertEquals(m.step(), o.model().step());
    }

    @Test
    void noOverrideLeavesTheModelAsParsed() {
        Model m = model();
        Overridden o = WhatIf.NONE.applyTo(m);
        assertEquals(m, o.model());
        assertTrue(o.applied().isEmpty());
        assertNull(WhatIf.NONE.parameters().isEmpty() ? null : "x");
    }
}

package dev.cadenza.core.lang;

import dev.cadenza.core.model.Instruction;
import dev.cadenza.core.model.Model;
import dev.cadenza.core.model.Program;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedProgramsTest {

    private static List<String> unrolled(Model m, String program) {
        Program p = m.program(program).orElseThrow();
        return p.instructions().stream().map(ModelPrinter::instruction).toList();
    }

    @Test
    void deployParsesAsWritten() {
        Model m = ModelParser.parse("pair.cdz", SeedModels.serverClient());
        assertEquals(List.of(
                "add(s : Server)", "add(c : Client)", "con(s.ip, c.server_ip)", "con(s.service, c.server)",
                "pushB(s, deploy)", "pushB(c, install)", "wait(c)"), unrolled(m, "deploy"));
    }

    @Test
    void maintainParsesAsWritten() {
        Model m = ModelParser.parse("pair.cdz", SeedModels.serverClient());
        assertEquals(List.of(
                "pushB(s, maintain)", "pushB(s, deploy)", "pushB(c, suspend)", "wait(s)",
                "pushB(c, install)", "wait(c)"), unrolled(m, "maintain"));
        assertEquals("deploy", m.program("maintain").orElseThrow().after());
    }

    @Test
    void galeraUnrollsWithNThree() {
        Model m = ModelParser.parse("galera.cdz", SeedModels.galera());
        List<String> expected = List.of(
                "pushB(sysbenchm, suspend)", "pushB(mariadb1, backup)", "pushB(mariadb1, uninstall)",
                "con(mconf.data, mariadb1.config)",
                "add(mariadb2 : MariaDBw)", "con(wconf.data, mariadb2.config)",
                "con(mariadb1.mariadb, mariadb2.master)", "con(docker2.docker, mariadb2.docker)",
                "con(piplibs2.pip_libs, mariadb2.pip_libs)", "con(r_registry.registry, mariadb2.registry)",
                "add(mariadb3 : MariaDBw)", "con(wconf.data, mariadb3.config)",
                "con(mariadb1.mariadb, mariadb3.master)", "con(docker3.docker, mariadb3.docker)",
                "con(piplibs3.pip_libs, mariadb3.pip_libs)", "con(r_registry.registry, mariadb3.registry)",
                "pushB(mariadb1, install)", "pushB(mariadb2, install)", "pushB(mariadb3, install)",
                "pushB(mariadb1, restore_run)", "pushB(sysbenchm, install)");
        assertEquals(expected, unrolled(m, "to_galera"));
    }

    @Test
    void seedModelsValidateWithoutAnyProblem() {
        assertEquals(List.of(), ModelValidator.validate(ModelParser.parse("pair.cdz", SeedModels.serverClient())));
        assertEquals(List.of(), ModelValidator.validate(ModelParser.parse("galera.cdz", SeedModels.galera())));
    }

    @Test
    void positionsAreLineAndColumnOfTheFirstToken() {
        Model m = ModelParser.parse("galera.cdz", SeedModels.galera());
        Program p = m.program("to_galera").orElseThrow();
        int programLine = p.position().line();
        Instruction con = (Instruction) p.body().get(3);
        assertEquals(programLine + 5, con.position().line());
        assertEquals(3, con.position().column());
    }
}

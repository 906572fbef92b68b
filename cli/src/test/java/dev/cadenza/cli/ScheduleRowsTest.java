package dev.cadenza.cli;

import dev.cadenza.cli.picture.GanttData;
import dev.cadenza.verify.trace.WaitReason;
import dev.cadenza.verify.trace.Waiter;
import dev.cadenza.verify.trace.Waiting;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each reason a step waits for is drawn as what it is: a port, a lock, a join, or something else. */
class ScheduleRowsTest {

    private static GanttData.Wait wait(WaitReason reason, Long to) {
        return ScheduleRows.wait(new Waiting(new Waiter.Start("c", "configure"), List.of(reason), new BigFraction(2),
                to == null ? null : new BigFraction(to)));
    }

    @Test
    void portsLocksAndJoinsAreToldApart() {
        GanttData.Wait port = wait(new WaitReason.NotServed("c.ip", "s.ip", true, "s is in allocated"), 5L);
        assertEquals(GanttData.WaitKind.PORT, port.kind());
        assertEquals("port s.ip", port.tag());
        assertEquals("c.configure starts: waits for use port's provider s.ip to be active (s is in allocated) (2 to 5 s)", port.why());
        assertEquals(GanttData.WaitKind.PORT, wait(new WaitReason.Refusing("s.service"), 5L).kind());
        GanttData.Wait lock = wait(new WaitReason.Locked("s.service", "c.server", "c.running"), 5L);
        assertEquals("lock s.service used by c.server", lock.tag());
        assertEquals(GanttData.WaitKind.LOCK, wait(new WaitReason.InUse("c.server", null), 5L).kind());
        GanttData.Wait join = wait(new WaitReason.JoinIncomplete("installed", List.of("c.fetch", "c.unpack")), 5L);
        assertEquals("join c.fetch, c.unpack", join.tag());
        assertEquals(GanttData.WaitKind.OTHER, wait(new WaitReason.InstanceBusy("s", null), 5L).kind());
    }

    @Test
    void aWaitStillOpenWhereTheRunStopsGoesToTheEnd() {
        GanttData.Wait open = wait(new WaitReason.NotServed("c.ip", null, false, null), null);
        assertEquals(Double.POSITIVE_INFINITY, open.to());
        assertTrue(open.why().endsWith("(2 to the end)"), open.why());
        assertEquals("port c.ip", open.tag());
    }
}

#!/usr/bin/env python3
"""Derive the OpenStack examples (openstack.cdz, openstack-sequential.cdz) from the measured
traces of the Madeus journal paper (kolla-ansible OpenStack, Grid'5000).

    python3 examples/tools/openstack_traces.py            # print the analysis
    python3 examples/tools/openstack_traces.py --write    # also rewrite the two .cdz files

Input: ../shared/openstack-traces/{transitions,deployment_times}.tsv (or --traces DIR).
It prints (1) for every transition of the selected runs the predecessor it starts right after
(an end within EPS seconds before its start) in how many runs, (2) each transition's interval
[min, max] of its measured durations, (3) the critical-path bounds of the modelled dependency
DAG with min and with max durations, beside the measured totals.

The structure (places, transitions, ports) is written down below, in DAG and SEQ, from what (1)
shows; the script checks that every observed wait is covered by the model, and the reverse.
"""
import argparse
import collections
import csv
import os
import sys

CLUSTER, REGISTRY = "ecotype", "remote"
EPS = 0.05  # seconds: "starts right after" (the traces show gaps of about 1 ms)

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.dirname(HERE)

# ---- the modelled structure -------------------------------------------------------------
# component -> (type name, places (first = initial), [(transition, source, destination)],
#               {use port: (provider instance, provide port, using transition)},
#               {provide port: place it is active from})
DAG = collections.OrderedDict([
    ("facts", ("Facts", ["initiated", "deployed"],
               [("deploy", "initiated", "deployed")],
               {}, {"facts": "deployed"})),
    ("common", ("Common", ["initiated", "ktb_deployed", "deployed"],
                [("ktb_deploy", "initiated", "ktb_deployed"), ("deploy", "ktb_deployed", "deployed")],
                {"facts": ("facts", "facts", "ktb_deploy")}, {})),
    ("haproxy", ("HaProxy", ["initiated", "deployed"], [("deploy", "initiated", "deployed")],
                 {"facts": ("facts", "facts", "deploy")}, {})),
    ("memcached", ("MemCached", ["initiated", "deployed"], [("deploy", "initiated", "deployed")],
                   {"facts": ("facts", "facts", "deploy")}, {})),
    ("mariadb", ("MariaDB", ["initiated", "pulled", "bootstrapped", "restarted", "registered", "deployed"],
                 [("pull", "initiated", "pulled"), ("config", "initiated", "pulled"),
                  ("bootstrap", "pulled", "bootstrapped"), ("restart", "bootstrapped", "restarted"),
                  ("register", "restarted", "registered"), ("check", "registered", "deployed")],
                 {}, {"mariadb": "deployed"})),
    ("rabbitmq", ("RabbitMQ", ["initiated", "deployed"], [("deploy", "initiated", "deployed")],
                  {"facts": ("facts", "facts", "deploy")}, {})),
    ("keystone", ("Keystone", ["initiated", "pulled", "deployed"],
                  [("pull", "initiated", "pulled"), ("deploy", "pulled", "deployed")],
                  {"mariadb": ("mariadb", "mariadb", "deploy")}, {"keystone": "deployed"})),
    ("glance", ("Glance", ["initiated", "configured", "registered", "deployed"],
                [("pull", "initiated", "configured"), ("config", "initiated", "configured"),
                 ("register", "configured", "registered"), ("deploy", "registered", "deployed")],
                {"mariadb": ("mariadb", "mariadb", "config"),
                 "keystone": ("keystone", "keystone", "register")}, {})),
    ("nova", ("Nova", ["initiated", "pulled", "db_created", "upgraded", "restarted", "deployed"],
              [("pull", "initiated", "pulled"), ("config", "initiated", "pulled"),
               ("create_db", "pulled", "db_created"),
               ("upgrade_db", "db_created", "upgraded"), ("upgrade_api_db", "db_created", "upgraded"),
               ("restart", "upgraded", "restarted"), ("cell_setup", "restarted", "deployed"),
               ("register", "pulled", "deployed")],
              {"mariadb": ("mariadb", "mariadb", "create_db"),
               "keystone": ("keystone", "keystone", "register")}, {})),
    ("openvswitch", ("OpenVSwitch", ["initiated", "deployed"], [("deploy", "initiated", "deployed")],
                     {"facts": ("facts", "facts", "deploy")}, {})),
    ("neutron", ("Neutron", ["initiated", "configured", "registered", "deployed"],
                 [("pull", "initiated", "configured"), ("config", "initiated", "configured"),
                  ("register", "configured", "registered"), ("deploy", "registered", "deployed")],
                 {"mariadb": ("mariadb", "mariadb", "config"),
                  "keystone": ("keystone", "keystone", "register")}, {})),
])

# kolla-ansible's sequential order (seq_1t: one transition `deploy` per component)
SEQ_ORDER = ["facts", "common", "haproxy", "memcached", "mariadb", "rabbitmq", "keystone",
             "glance", "nova", "openvswitch", "neutron"]


def seq_structure():
    out = collections.OrderedDict()
    prev = None
    for c in SEQ_ORDER:
        uses = {"previous": (prev, "done", "deploy")} if prev else {}
        out[c] = (DAG[c][0], ["initiated", "deployed"], [("deploy", "initiated", "deployed")],
                  uses, {"done": "deployed"})
        prev = c
    return out


# ---- reading the traces -------------------------------------------------------------------
def load(traces, assembly):
    runs = collections.defaultdict(list)
    with open(os.path.join(traces, "transitions.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if (r["cluster"], r["registry"], r["assembly"]) == (CLUSTER, REGISTRY, assembly):
                runs[int(r["run"])].append(
                    (r["component"], r["transition"], float(r["start_s"]), float(r["end_s"])))
    totals = {}
    with open(os.path.join(traces, "deployment_times.tsv")) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if (r["cluster"], r["registry"], r["assembly"]) == (CLUSTER, REGISTRY, assembly):
                totals[int(r["run"])] = (int(r["failure"]), float(r["total_s"]))
    ok = sorted(r for r in runs if totals.get(r, (1,))[0] == 0)
    return {r: runs[r] for r in ok}, {r: totals[r][1] for r in ok}


def waits(runs):
    """transition -> Counter of the transitions it starts right after ('<start>' near t=0)."""
    c = collections.defaultdict(collections.Counter)
    for rs in runs.values():
        for comp, tr, s, _ in rs:
            key = comp + "." + tr
            if s < EPS:
                c[key]["<start>"] += 1
                continue
            found = [p + "." + q for p, q, _, e in rs if 0 <= s - e < EPS]
            for f in found:
                c[key][f] += 1
            if not found:
                c[key]["<gap>"] += 1
    return c


def intervals(runs):
    d = collections.defaultdict(list)
    for rs in runs.values():
        for comp, tr, s, e in rs:
            d[(comp, tr)].append(round(e - s, 3))
    return {k: (min(v), max(v), len(v)) for k, v in d.items()}


# ---- the model's dependency DAG -----------------------------------------------------------
def predecessors(struct):
    """(comp, tr) -> list of (comp, tr) whose end it waits for: the transitions entering its
    source place (the default join: all of them) and those entering each provider's place."""
    entering = collections.defaultdict(list)
    for c, (_, places, trs, _, _) in struct.items():
        for t, s, d in trs:
            entering[(c, d)].append((c, t))
    pred = {}
    for c, (_, places, trs, uses, _) in struct.items():
        for t, s, d in trs:
            p = list(entering[(c, s)])
            for port, (prov, pport, by) in uses.items():
                if by == t:
                    place = struct[prov][4][pport]
                    p += entering[(prov, place)]
            pred[(c, t)] = p
    return pred


def critical(struct, iv, which):
    pred = predecessors(struct)
    end, via = {}, {}

    def fin(k):
        if k not in end:
            start, arg = 0.0, None
            for p in pred[k]:
                if fin(p) > start:
                    start, arg = fin(p), p
            end[k] = start + iv[k][which]
            via[k] = arg
        return end[k]

    last = max(pred, key=fin)
    path, k = [], last
    while k:
        path.append("%s.%s" % k)
        k = via[k]
    return round(end[last], 3), list(reversed(path))


def check_waits(struct, w):
    pred = predecessors(struct)
    problems = []
    for (c, t), ps in pred.items():
        counts = w[c + "." + t]
        seen = {k for k in counts if k not in ("<start>", "<gap>")}
        modelled = {"%s.%s" % p for p in ps}
        for s in seen - modelled:
            if counts[s] < max(counts.values()):
                problems.append("coincidence, not modelled: %s.%s also right after %s in %d run(s) only"
                                % (c, t, s, counts[s]))
            else:
                problems.append("observed but NOT modelled: %s.%s after %s (%d runs)" % (c, t, s, counts[s]))
        if "<gap>" in counts:
            problems.append("%s.%s starts after a gap (no end within EPS) in %d run(s)" % (c, t, counts["<gap>"]))
        if not seen and ps:
            problems.append("modelled but never observed as the last wait: %s.%s after %s" % (c, t, sorted(modelled)))
    return problems


# ---- writing the models -------------------------------------------------------------------
def wrap(path):
    out, line = [], ""
    for step in path:
        if line and len(line) + len(step) > 80:
            out.append(line)
            line = ""
        line += ("" if not line else " ") + ("> " if out or line else "") + step
    out.append(line)
    return "\n#     ".join(out)


def fmt(x):
    s = ("%.3f" % x).rstrip("0").rstrip(".")
    return s if s else "0"


def durations(runs):
    d = collections.defaultdict(list)
    for rs in runs.values():
        for comp, tr, s, e in rs:
            d[(comp, tr)].append(e - s)
    return d


def component_text(struct, c, iv, w=None, dur=None):
    typ, places, trs, uses, provides = struct[c]
    lines = ["component %s {" % typ,
             "  places " + ", ".join(places),
             "  initial " + places[0],
             "  behavior deploy {"]
    width = max(len(t) for t, _, _ in trs) + 1
    for t, s, d in trs:
        lo, hi, n = iv[(c, t)]
        ds = dur[(c, t)]
        lines.append("    %-*s %s -> %s [%s, %s]   # %d runs, mean %s s"
                     % (width, t + ":", s, d, fmt(lo), fmt(hi), n, fmt(round(sum(ds) / len(ds), 3))))
    lines.append("  }")
    for port, (prov, pport, by) in uses.items():
        seen = w[c + "." + by]
        pl = struct[prov][4][pport]
        last = ", ".join("%s (%d runs)" % (k, v) for k, v in seen.items() if k.startswith(prov + "."))
        lines.append("  use %s by %s   # %s.%s starts right after %s" % (port, by, c, by, last or "-"))
    for port, place in provides.items():
        lines.append("  provide %s from %s" % (port, place))
    lines.append("}")
    return "\n".join(lines)


def assembly_text(name, struct):
    lines = ["assembly %s {" % name]
    for c, (typ, *_rest) in struct.items():
        lines.append("  %s: %s" % (c, typ))
    for c, (_, _, _, uses, _) in struct.items():
        for port, (prov, pport, _) in uses.items():
            lines.append("  connect %s.%s -> %s.%s" % (prov, pport, c, port))
    lines.append("}")
    return "\n".join(lines)


def totals_line(totals):
    v = sorted(totals.values())
    return "%d runs, min %s s, mean %s s, max %s s" % (len(v), fmt(v[0]), fmt(round(sum(v) / len(v), 3)), fmt(v[-1]))


def analyse(traces, assembly, struct, out):
    runs, totals = load(traces, assembly)
    w = waits(runs)
    iv = intervals(runs)
    out.append("== %s %s %s: runs %s" % (CLUSTER, REGISTRY, assembly, sorted(runs)))
    out.append("measured totals (deployment_times.tsv): " + totals_line(totals))
    lastend = {r: max(e for *_, e in rs) for r, rs in runs.items()}
    over = [round(totals[r] - lastend[r], 3) for r in runs]
    out.append("total minus last transition end, per run: %s" % over)
    out.append("waits (transition: started right after X in k runs):")
    for k in sorted(w):
        out.append("  %-28s %s" % (k, dict(w[k])))
    out.append("intervals [min, max] of the measured durations:")
    for (c, t) in sorted(iv):
        lo, hi, n = iv[(c, t)]
        out.append("  %-28s [%s, %s]  (%d runs)" % (c + "." + t, fmt(lo), fmt(hi), n))
    lo, plo = critical(struct, iv, 0)
    hi, phi = critical(struct, iv, 1)
    vals = sorted(totals.values())
    out.append("critical path, min durations: %s s via %s" % (fmt(lo), " > ".join(plo)))
    out.append("critical path, max durations: %s s via %s" % (fmt(hi), " > ".join(phi)))
    out.append("brackets the measured totals [%s, %s]: %s" % (fmt(vals[0]), fmt(vals[-1]), lo <= vals[0] and vals[-1] <= hi))
    for p in check_waits(struct, w):
        out.append("  " + p)
    return runs, totals, iv, (lo, plo), (hi, phi), w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--traces", default=os.path.join(EXAMPLES, "..", "..", "..", "shared", "openstack-traces"))
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.traces):
        a.traces = "/work/shared/openstack-traces"
    out = []
    dag = analyse(a.traces, "dag_nt4", DAG, out)
    out.append("")
    seq = analyse(a.traces, "seq_1t", seq_structure(), out)
    print("\n".join(out))
    if a.write:
        write_dag(dag)
        write_seq(seq)


HEADER_DAG = """\
# The Madeus kolla-ansible OpenStack assembly of the Madeus journal paper (Chardet, Coullon,
# Pérez, Pertin, Servantie, Robillard: "Enhancing Separation of Concerns, Parallelism, and
# Formalism in Distributed Software Deployment with Madeus"), assembly `dag_nt4`.
#
# GENERATED by examples/tools/openstack_traces.py --write from the measured traces in
# ../shared/openstack-traces/ (public repository Concerto-D/openstack-traces, results/).
# Edit the script, not this file.
#
# Transitions and waits: the traces (transitions.tsv), runs {runs} of dag_nt4 on the ecotype
# cluster with the remote Docker registry. A transition that starts within 50 ms of another's
# end in every run waits for it: inside a component that is its source place (a join where
# two transitions enter it), across components a use port bound to the transition, connected
# to a provide port active from the provider's place that transition reaches. No other
# connection is modelled: the paper's assembly has more ports (47) than show as waits in the
# traces (e.g. HaProxy's, RabbitMQ's and OpenVSwitch's services are never waited for: they
# are always ready long before their users start), and unobserved waits would only be guesses.
#
# Intervals: [min, max] of each transition's measured duration (end - start) over those runs.
#
# The traces and the paper's table disagree: the table gives MariaDB 4 places and 5
# transitions, the traces show 6 transitions (pull, config, bootstrap, restart, register,
# check); we follow the traces (6 places). Likewise Glance and Neutron get 4 places (table: 3),
# Nova 6 (table: 5), OpenVSwitch 2 (table: 3): the places are the minimum that reproduce the
# observed order of the traced transitions.
#
# Measured totals (deployment_times.tsv, same runs):
#   {totals}.
# Critical path of this model (the script, with the default joins and the ports below):
#   min durations: {lo} s
#     {plo}
#   max durations: {hi} s
#     {phi}
# so [{lo}, {hi}] {brk} the measured totals. The totals also hold
# {over} s of orchestration overhead after the last transition ends (total_s minus the
# last end_s), which the model does not represent; the gaps between transitions are ~1 ms.
"""


def write_dag(res):
    runs, totals, iv, (lo, plo), (hi, phi), w = res
    dur = durations(runs)
    vals = sorted(totals.values())
    lastend = {r: max(e for *_, e in rs) for r, rs in runs.items()}
    over = [totals[r] - lastend[r] for r in runs]
    text = HEADER_DAG.format(
        runs="%d to %d" % (min(runs), max(runs)), totals=totals_line(totals),
        lo=fmt(lo), hi=fmt(hi), plo=wrap(plo), phi=wrap(phi),
        brk="brackets" if lo <= vals[0] and vals[-1] <= hi else "does NOT bracket",
        over="%s to %s" % (fmt(min(over)), fmt(max(over))))
    parts = [text.rstrip("\n")]
    for c in DAG:
        parts.append(component_text(DAG, c, iv, w, dur))
    parts.append(assembly_text("openstack", DAG))
    parts.append("deployment deployed { %s }" % ", ".join("%s: deployed" % c for c in DAG))
    parts.append("""\
verify openstack {
  deployable
  deployable deployed
  forbidden keystone.deploy running and not mariadb.deployed
  sequence mariadb.check before keystone.deploy before nova.register
  parallel mariadb, nova, glance, neutron
  bounds
  within %s
}""" % fmt(hi))
    with open(os.path.join(EXAMPLES, "openstack.cdz"), "w") as f:
        f.write("\n\n".join(parts) + "\n")


HEADER_SEQ = """\
# The same OpenStack components deployed in kolla-ansible's sequential order, for comparison
# with openstack.cdz: assembly `seq_1t` of the Madeus journal paper's experiments, where each
# component's deployment is one transition `deploy` and starts when the previous one ends.
#
# GENERATED by examples/tools/openstack_traces.py --write from ../shared/openstack-traces/
# (public repository Concerto-D/openstack-traces, results/). Edit the script, not this file.
#
# Order: {order}.
# Each component provides `done` from `deployed`, used by the next component's `deploy`: that
# is the whole wiring.
# Intervals: [min, max] of each transition's measured duration over the runs {runs} of seq_1t
# on the ecotype cluster with the remote Docker registry (the cluster and registry of
# openstack.cdz).
#
# Measured totals (deployment_times.tsv, same runs):
#   {totals}.
# Critical path (the chain): min durations {lo} s, max durations {hi} s,
# so [{lo}, {hi}] {brk} the measured totals (the {over} s of
# orchestration overhead after the last transition ends is not modelled).
"""


def write_seq(res):
    runs, totals, iv, (lo, plo), (hi, phi), w = res
    dur = durations(runs)
    vals = sorted(totals.values())
    lastend = {r: max(e for *_, e in rs) for r, rs in runs.items()}
    over = [totals[r] - lastend[r] for r in runs]
    struct = seq_structure()
    text = HEADER_SEQ.format(
        order=", ".join(SEQ_ORDER[:6]) + ",\n#   " + ", ".join(SEQ_ORDER[6:]), runs="%d to %d" % (min(runs), max(runs)),
        totals=totals_line(totals), lo=fmt(lo), hi=fmt(hi),
        brk="brackets" if lo <= vals[0] and vals[-1] <= hi else "does NOT bracket",
        over="%s to %s" % (fmt(min(over)), fmt(max(over))))
    parts = [text.rstrip("\n")]
    for c in struct:
        parts.append(component_text(struct, c, iv, w, dur))
    parts.append(assembly_text("openstack_sequential", struct))
    parts.append("deployment deployed { %s }" % ", ".join("%s: deployed" % c for c in struct))
    parts.append("""\
verify openstack_sequential {
  deployable
  deployable deployed
  sequence mariadb.deploy before keystone.deploy before nova.deploy before neutron.deploy
  bounds
  within %s
}""" % fmt(hi))
    with open(os.path.join(EXAMPLES, "openstack-sequential.cdz"), "w") as f:
        f.write("\n\n".join(parts) + "\n")


if __name__ == "__main__":
    sys.exit(main())

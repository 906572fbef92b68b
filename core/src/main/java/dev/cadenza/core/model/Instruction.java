package dev.cadenza.core.model;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Concerto instructions. Names may hold {@code {var}} templates until unrolled. */
public sealed interface Instruction extends Statement {

    /** This instruction with every {@code {var}} in its names replaced by the value in env. */
    Instruction substitute(Map<String, Long> env);

    @Override
    default void unroll(Map<String, Long> env, Consumer<Instruction> out) {
        out.accept(substitute(env));
    }

    /** {@code add(c : Type)}: a new component instance, in its initial place, idle. */
    record Add(String instance, String type, SourcePosition position) implements Instruction {
        @Override
        public Instruction substitute(Map<String, Long> env) {
            return new Add(Names.substitute(instance, env), type, position);
        }
    }

    /** {@code del(c)}: waits until c is idle and disconnected, then removes it. */
    record Del(String instance, SourcePosition position) implements Instruction {
        @Override
        public Instruction substitute(Map<String, Long> env) {
            return new Del(Names.substitute(instance, env), position);
        }
    }

    /** {@code con(p.provide, u.use)}. */
    record Con(PortRef provider, PortRef user, SourcePosition position) implements Instruction {
        @Override
        public Instruction substitute(Map<String, Long> env) {
            return new Con(Names.substitute(provider, env), Names.substitute(user, env), position);
        }
    }

    /** {@code dcon(p.provide, u.use)}: waits until the user no longer uses the connection. */
    record Dcon(PortRef provider, PortRef user, SourcePosition position) implements Instruction {
        @Override
        public Instruction substitute(Map<String, Long> env) {
            return new Dcon(Names.substitute(provider, env), Names.substitute(user, env), position);
        }
    }

    /** {@code pushB(c, behavior)}: enqueues a behavior. */
    record PushB(String instance, String behavior, SourcePosition position) implements Instruction {
        @Override
        public Instruction substitute(Map<String, Long> env) {
            return new PushB(Names.substitute(instance, env), behavior, position);
        }
    }

    /** {@code wait(c)}: blocks the program until c's queue is empty and c is idle. */
    record Wait(String instance, SourcePosition position) implements Instruction {
        @Override
        public Instruction substitute(Map<String, Long> env) {
            return new Wait(Names.substitute(instance, env), position);
        }
    }

    /** {@code waitAll}: waits for every component. */
    record WaitAll(SourcePosition position) implements Instruction {
        @Override
        public Instruction substitute(Map<String, Long> env) {
            return this;
        }
    }

    /** Substitution of {@code {var}} in names. */
    final class Names {
        private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

        private Names() {
        }

        static String substitute(String name, Map<String, Long> env) {
            if (name.indexOf('{') < 0) {
                return name;
            }
            Matcher m = TEMPLATE.matcher(name);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                Long v = env.get(m.group(1));
                if (v == null) {
                    throw new IllegalStateException("unknown variable {" + m.group(1) + "} in " + name);
                }
                m.appendReplacement(sb, Long.toString(v));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        static PortRef substitute(PortRef ref, Map<String, Long> env) {
            return new PortRef(substitute(ref.instance(), env), ref.port(), ref.position());
        }
    }
}

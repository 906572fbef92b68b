package dev.cadenza.core.lang;

/**
 * Complete model files around the seed's three programs, which appear exactly as the seed
 * wrote them (spacing included). The component types are small stand-ins with just the
 * behaviors and ports the programs use.
 */
final class SeedModels {

    private SeedModels() {
    }

    static final String SERVER_CLIENT_TYPES = """
            component Server {
              places undeployed, allocated, running
              initial undeployed
              behavior deploy {
                allocate: undeployed -> allocated [2, 5]
                start:    allocated  -> running   [1, 3]
              }
              behavior maintain {
                stop: running -> allocated [1, 2]
              }
              provide ip data at allocated
              provide service at running
            }

            component Client {
              places off, installed, configured, running
              initial off
              behavior install {
                install:   off -> installed        [3, 6]
                configure: installed -> configured [1, 2]
                start:     configured -> running   [0, 1]
              }
              behavior suspend { pause: running -> configured [0, 1] }
              use server_ip data by configure
              use server at running
            }
            """;

    static final String DEPLOY = """
            add(s : Server)
            add(c : Client)
            con(s.ip, c.server_ip)
            con(s.service, c.server)
            pushB(s, deploy)
            pushB(c, install)
            wait(c)
            """;

    static final String MAINTAIN = """
            pushB(s, maintain)
            pushB(s, deploy)
            pushB(c, suspend)
            wait(s)
            pushB(c, install)
            wait(c)
            """;

    static final String TO_GALERA = """
            pushB (sysbenchm, suspend)
            pushB (mariadb1, backup)
            pushB (mariadb1, uninstall)
            con (mconf.data, mariadb1.config)
            for i in 2..n: [n+1..n+m]
                add (mariadb{i} : MariaDBw)
                con (wconf.data, mariadb{i}.config)
                con (mariadb1.mariadb, mariadb{i}.master)
                con (docker{i}.docker, mariadb{i}.docker)
                con (piplibs{i}.pip_libs,mariadb{i}.pip_libs)
                con (r_registry.registry,mariadb{i}.registry)
            for i in 1..n:
                pushB (mariadb{i}, install)
            pushB (mariadb1, restore_run)
            pushB (sysbenchm, install)
            """;

    static String serverClient() {
        return SERVER_CLIENT_TYPES
                + "\nprogram deploy {\n" + DEPLOY + "}\n"
                + "\nprogram maintain after deploy {\n" + MAINTAIN + "}\n"
                + """

                assembly pair {
                  s: Server
                  c: Client
                  connect s.ip -> c.server_ip
                  connect s.service -> c.server
                }

                deployment up { s: running, c: running }

                verify deploy {
                  deployable up
                  forbidden c.running and not s.running
                  sequence s.start before c.start
                  parallel s, c
                  bounds
                  within 15
                  query "AG not (c.running and not s.running)"
                }
                """;
    }

    /** The seed's central-to-Galera reconfiguration, after a program that builds the central setup. */
    static String galera() {
        return """
                component MariaDB {
                  places off, installed, running, saved, removed
                  initial off
                  behavior install {
                    install: off -> installed [5, 10]
                    run: installed -> running [1, 2]
                  }
                  behavior backup { save: running -> saved [2, 4] }
                  behavior uninstall { remove: saved -> removed [1, 2] }
                  behavior restore_run { restore: removed -> running [3, 6] }
                  provide mariadb at running
                  use config data by install
                  use docker at installed, running
                  use pip_libs data by install
                  use registry data by install
                }

                component MariaDBw {
                  places off, installed, running
                  initial off
                  behavior install {
                    install: off -> installed [5, 10]
                    run: installed -> running [1, 2]
                  }
                  use config data by install
                  use master at running
                  use docker at installed, running
                  use pip_libs data by install
                  use registry data by install
                }

                component Conf {
                  places off, ready
                  initial off
                  behavior deploy { write: off -> ready [0, 1] }
                  provide data data from ready
                }

                component Docker {
                  places off, running
                  initial off
                  behavior deploy { start: off -> running [2, 3] }
                  provide docker at running
                }

                component PipLibs {
                  places off, installed
                  initial off
                  behavior deploy { install: off -> installed [1, 4] }
                  provide pip_libs data from installed
                }

                component Registry {
                  places off, running
                  initial off
                  behavior deploy { start: off -> running [1, 1] }
                  provide registry data at running
                }

                component Sysbench {
                  places off, installed, running
                  initial off
                  behavior install {
                    install: off -> installed [1, 2]
                    start: installed -> running [0, 1]
                  }
                  behavior suspend { pause: running -> installed [0, 1] }
                }

                program deploy_central {
                  param n = 3
                  add(sysbenchm : Sysbench)
                  add(mariadb1 : MariaDB)
                  add(mconf : Conf)
                  add(wconf : Conf)
                  add(r_registry : Registry)
                  for i in 1..n:
                      add(docker{i} : Docker)
                      add(piplibs{i} : PipLibs)
                      pushB(docker{i}, deploy)
                      pushB(piplibs{i}, deploy)
                  con(docker1.docker, mariadb1.docker)
                  con(piplibs1.pip_libs, mariadb1.pip_libs)
                  con(r_registry.registry, mariadb1.registry)
                  pushB(mconf, deploy)
                  pushB(wconf, deploy)
                  pushB(r_registry, deploy)
                  pushB(sysbenchm, install)
                  waitAll
                }

                program to_galera after deploy_central {
                  param n = 3
                """ + TO_GALERA.indent(2) + "}\n";
    }
}

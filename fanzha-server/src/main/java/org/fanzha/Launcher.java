package org.fanzha;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.fanzha.engine.cli.TraceCommand;
import org.fanzha.sim.cli.EvaluateCommand;
import org.fanzha.sim.cli.ImportCommand;
import org.fanzha.sim.cli.SimulateCommand;
import org.fanzha.sim.world.SimConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ./fanzha} command line. Subcommands start the server or (in later issues) run engines,
 * simulations and evaluations without a server. Bad options end with a one-line message and exit 2.
 */
@Command(name = "fanzha", mixinStandardHelpOptions = true, version = "Fanzha 0.1.0",
		description = "Fanzha (反诈) joint-operations platform against telecom and online fraud.",
		subcommands = { Launcher.Serve.class, Launcher.Demo.class, SimulateCommand.class, ImportCommand.class,
				TraceCommand.class, EvaluateCommand.class, org.fanzha.sim.cli.BacktestCommand.class, org.fanzha.sim.cli.TrainCommand.class,
				CommandLine.HelpCommand.class })
public class Launcher implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/** Set when a subcommand started a server, so main() must not exit. */
	static volatile ConfigurableApplicationContext started;

	public static void main(String[] args) {
		int rc = commandLine().execute(args);
		if (started == null || rc != 0) {
			System.exit(rc);
		}
	}

	static CommandLine commandLine() {
		CommandLine cl = new CommandLine(new Launcher());
		cl.setParameterExceptionHandler((ex, args) -> {
			ex.getCommandLine().getErr().println("fanzha: " + ex.getMessage() + " (see --help)");
			return 2;
		});
		return cl;
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** Options shared by every command that starts the server. */
	static class ServerOptions {

		@Option(names = "--port", paramLabel = "N",
				description = "HTTP port (default: $SERVER_PORT or 8080).")
		Integer port;

		@Option(names = "--data-dir", paramLabel = "DIR",
				description = "Directory of the embedded H2 database (default: ./data).")
		Path dataDir;

		@Option(names = "--postgres",
				description = "Use PostgreSQL (FANZHA_DB_URL, FANZHA_DB_USER, FANZHA_DB_PASSWORD) instead of H2.")
		boolean postgres;

		Map<String, Object> properties() {
			Map<String, Object> p = new LinkedHashMap<>();
			if (port != null) {
				if (port < 1 || port > 65535) {
					throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
				}
				p.put("server.port", port);
			}
			if (dataDir != null) {
				p.put("fanzha.data-dir", dataDir.toAbsolutePath().normalize().toString());
			}
			return p;
		}

		List<String> profiles() {
			return postgres ? List.of("postgres") : List.of();
		}
	}

	abstract static class ServerCommand implements Callable<Integer> {

		@CommandLine.Mixin
		ServerOptionsMixin options;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		Map<String, Object> extraProperties() {
			return Map.of();
		}

		@Override
		public Integer call() {
			Map<String, Object> properties;
			try {
				properties = new LinkedHashMap<>(options.properties());
				properties.putAll(extraProperties());
			}
			catch (IllegalArgumentException e) {
				spec.commandLine().getErr().println("fanzha: " + e.getMessage());
				return 2;
			}
			// as command-line arguments, these outrank application.yml and the environment
			String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
					.toArray(String[]::new);
			started = new SpringApplicationBuilder(FanzhaApplication.class)
					.profiles(options.profiles().toArray(String[]::new))
					.run(arguments);
			String port = started.getEnvironment().getProperty("local.server.port");
			spec.commandLine().getOut().println("Fanzha is running: console http://localhost:" + port
					+ "/ (zh-CN; ?lang=en for English), API docs http://localhost:" + port + "/swagger-ui.html");
			spec.commandLine().getOut().flush();
			return 0;
		}
	}

	/** picocli mixins must be classes with the options as fields. */
	static class ServerOptionsMixin extends ServerOptions {
	}

	@Command(name = "serve", mixinStandardHelpOptions = true,
			description = "Start the platform server (H2 file database under ./data unless --postgres).")
	static class Serve extends ServerCommand {
	}

	@Command(name = "demo", mixinStandardHelpOptions = true,
			description = "Start the platform with the embedded database, sample agencies and users per role, "
					+ "and a live simulated province.")
	static class Demo extends ServerCommand {

		@Option(names = "--speedup", paramLabel = "X", defaultValue = "60",
				description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}: an hour a minute).")
		double speedup;

		@Option(names = "--preset", defaultValue = "small", description = "Size of the simulated province (default: ${DEFAULT-VALUE}).")
		String preset;

		@Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated province.")
		long seed;

		@Option(names = "--no-simulation", description = "Start without the simulated province.")
		boolean noSimulation;

		@Option(names = "--auto-issue", defaultValue = "ALL", paramLabel = "POLICY",
				description = "Issue stop-payment instructions without an officer: NONE, EXTENDED (level >= 2) or ALL "
						+ "(default: ${DEFAULT-VALUE}).")
		String autoIssue;

		@Override
		Map<String, Object> extraProperties() {
			if (speedup <= 0) {
				throw new IllegalArgumentException("--speedup must be > 0, got " + speedup);
			}
			SimConfig.preset(preset, seed);
			return Map.of("fanzha.identity.demo-users", true, "fanzha.simulation.enabled", !noSimulation,
					"fanzha.simulation.speedup", speedup, "fanzha.simulation.preset", preset, "fanzha.simulation.seed", seed,
					"fanzha.funds.auto-issue", autoIssue);
		}
	}
}

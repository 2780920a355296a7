package org.fanzha;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.fanzha.engine.cli.TraceCommand;
import org.fanzha.kafka.KafkaBroker;
import org.fanzha.sim.cli.BacktestCommand;
import org.fanzha.sim.cli.EvaluateCommand;
import org.fanzha.sim.cli.ImportCommand;
import org.fanzha.sim.cli.SimulateCommand;
import org.fanzha.sim.cli.TrainCommand;
import org.fanzha.sim.world.SimConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ./fanzha} command line. Subcommands start the server or (in later issues)
 * run engines, simulations and evaluations without a server. Bad options end with a
 * one-line message and exit 2.
 */
@Command(name = "fanzha", mixinStandardHelpOptions = true, version = "Fanzha 0.1.0",
		description = "Fanzha (反诈) joint-operations platform against telecom and online fraud.",
		subcommands = { Launcher.Serve.class, Launcher.Demo.class, Launcher.Kafka.class, SimulateCommand.class,
				ImportCommand.class, TraceCommand.class, EvaluateCommand.class, BacktestCommand.class,
				TrainCommand.class, CommandLine.HelpCommand.class })
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

		@Option(names = "--port", paramLabel = "N", description = "HTTP port (default: $SERVER_PORT or 8080).")
		Integer port;

		@Option(names = "--data-dir", paramLabel = "DIR",
				description = "Directory of the embedded H2 database (default: ./data).")
		Path dataDir;

		@Option(names = "--postgres",
				description = "Use PostgreSQL (FANZHA_DB_URL, FANZHA_DB_USER, FANZHA_DB_PASSWORD) instead of H2.")
		boolean postgres;

		@Option(names = "--kafka",
				description = "Also take transfers and calls from Kafka and produce decisions, instructions, measures and "
						+ "flags to it (docs/kafka.md); the REST API stays as it is.")
		boolean kafka;

		@Option(names = "--kafka-servers", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
				description = "Kafka bootstrap servers with --kafka (default: ${DEFAULT-VALUE}).")
		String kafkaServers;

		Map<String, Object> properties() {
			Map<String, Object> p = new LinkedHashMap<>();
			if (kafka) {
				p.put("fanzha.kafka.enabled", true);
				p.put("spring.kafka.bootstrap-servers", kafkaServers);
			}
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

		/**
		 * Before the server starts, with the options read (the demo starts a Kafka broker
		 * here).
		 */
		void prepare() {
		}

		@Override
		public Integer call() {
			Map<String, Object> properties;
			try {
				properties = new LinkedHashMap<>(options.properties());
				properties.putAll(extraProperties());
				prepare();
			}
			catch (IllegalArgumentException e) {
				spec.commandLine().getErr().println("fanzha: " + e.getMessage());
				return 2;
			}
			// as command-line arguments, these outrank application.yml and the
			// environment
			String[] arguments = properties.entrySet()
				.stream()
				.map(e -> "--" + e.getKey() + "=" + e.getValue())
				.toArray(String[]::new);
			started = new SpringApplicationBuilder(FanzhaApplication.class)
				.profiles(options.profiles().toArray(String[]::new))
				.run(arguments);
			String port = started.getEnvironment().getProperty("local.server.port");
			spec.commandLine()
				.getOut()
				.println("Fanzha is running: console http://localhost:" + port
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

		@Option(names = "--preset", defaultValue = "small",
				description = "Size of the simulated province (default: ${DEFAULT-VALUE}).")
		String preset;

		@Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated province.")
		long seed;

		@Option(names = "--no-simulation", description = "Start without the simulated province.")
		boolean noSimulation;

		@Option(names = "--auto-issue", defaultValue = "ALL", paramLabel = "POLICY",
				description = "Issue stop-payment instructions without an officer: NONE, EXTENDED (level >= 2) or ALL "
						+ "(default: ${DEFAULT-VALUE}).")
		String autoIssue;

		/**
		 * With --kafka on localhost: a broker of our own as a child process when none
		 * answers on the port.
		 */
		@Override
		void prepare() {
			if (!options.kafka) {
				return;
			}
			String servers = options.kafkaServers;
			int colon = servers.lastIndexOf(':');
			if (servers.contains(",") || colon < 0 || !servers.substring(0, colon).equals("localhost")) {
				return; // someone else's cluster: used as it is
			}
			int port;
			try {
				port = Integer.parseInt(servers.substring(colon + 1));
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("--kafka-servers: not HOST:PORT: " + servers);
			}
			if (KafkaBroker.answers(port)) {
				spec.commandLine().getOut().println("Kafka: using the broker on localhost:" + port);
				return;
			}
			Path dir = (options.dataDir == null ? Path.of("data") : options.dataDir).resolve("kafka");
			spec.commandLine()
				.getOut()
				.println("Kafka: starting a broker on localhost:" + port + " (" + dir + ", log in "
						+ dir.resolve("broker.log") + ")");
			spec.commandLine().getOut().flush();
			Process broker = Kafka.spawn(port, dir);
			// stopped after the server: its consumers and producers close while the
			// broker still answers
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				long until = System.currentTimeMillis() + 30_000;
				while (started != null && started.isActive() && System.currentTimeMillis() < until) {
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException e) {
						break;
					}
				}
				broker.destroy();
			}, "kafka-broker-stop"));
			long deadline = System.currentTimeMillis() + 90_000;
			while (!KafkaBroker.answers(port)) {
				if (!broker.isAlive() || System.currentTimeMillis() > deadline) {
					throw new IllegalArgumentException(
							"the Kafka broker did not start; see " + dir.resolve("broker.log"));
				}
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalArgumentException("interrupted while starting the Kafka broker");
				}
			}
		}

		@Override
		Map<String, Object> extraProperties() {
			if (speedup <= 0) {
				throw new IllegalArgumentException("--speedup must be > 0, got " + speedup);
			}
			SimConfig.preset(preset, seed);
			return Map.of("fanzha.identity.demo-users", true, "fanzha.simulation.enabled", !noSimulation,
					"fanzha.simulation.speedup", speedup, "fanzha.simulation.preset", preset, "fanzha.simulation.seed",
					seed, "fanzha.funds.auto-issue", autoIssue);
		}

	}

	@Command(name = "kafka", mixinStandardHelpOptions = true,
			description = "Start a single-node Apache Kafka broker (KRaft, broker and controller in one process) with "
					+ "the platform's topics' home: ./fanzha serve --kafka and ./fanzha demo --kafka connect to it.")
	static class Kafka implements Callable<Integer> {

		@Option(names = "--port", paramLabel = "N", defaultValue = "9092",
				description = "Broker port (default: ${DEFAULT-VALUE}).")
		int port;

		@Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/kafka",
				description = "The broker's own data directory (default: ./${DEFAULT-VALUE}).")
		Path dataDir;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			if (port < 1 || port > 65535) {
				spec.commandLine().getErr().println("fanzha: --port must be between 1 and 65535, got " + port);
				return 2;
			}
			if (KafkaBroker.answers(port)) {
				spec.commandLine().getErr().println("fanzha: something already answers on localhost:" + port);
				return 1;
			}
			KafkaBroker broker = KafkaBroker.start(dataDir, port);
			Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
			spec.commandLine()
				.getOut()
				.println("Kafka broker running on " + broker.bootstrapServers() + " (KRaft, data "
						+ dataDir.toAbsolutePath().normalize() + "); Ctrl-C stops it");
			spec.commandLine().getOut().flush();
			broker.awaitShutdown();
			return 0;
		}

		/**
		 * This launcher, as a child process running
		 * {@code kafka --port port --data-dir dir}, its output in a log.
		 */
		static Process spawn(int port, Path dir) {
			try {
				Files.createDirectories(dir);
				String javaCommand = ProcessHandle.current().info().command().orElse("java");
				String classPath = System.getProperty("java.class.path");
				List<String> command = new ArrayList<>();
				if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
					// a session of its own: Ctrl-C in the terminal stops the server,
					// which then stops the broker
					command.add("/usr/bin/setsid");
				}
				command.add(javaCommand);
				if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
					command.addAll(List.of("-jar", classPath)); // the Spring Boot jar of
																// ./fanzha
				}
				else {
					command.addAll(List.of("-cp", classPath, Launcher.class.getName()));
				}
				command.addAll(List.of("kafka", "--port", Integer.toString(port), "--data-dir", dir.toString()));
				File log = dir.resolve("broker.log").toFile();
				return new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
					.start();
			}
			catch (IOException e) {
				throw new IllegalArgumentException("cannot start the Kafka broker: " + e.getMessage());
			}
		}

	}

}

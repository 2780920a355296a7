package org.fanzha.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * One run of a command line in a test: exit code, what it printed and what it complained
 * about.
 */
record CliRun(int code, String out, String err) {

	static CliRun of(Object command, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cl = new CommandLine(command);
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		int code = cl.execute(args);
		return new CliRun(code, out.toString(), err.toString());
	}
}

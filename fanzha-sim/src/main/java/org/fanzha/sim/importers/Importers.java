package org.fanzha.sim.importers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Converts public anti-money-laundering datasets into a Fanzha dataset (the files of
 * {@link org.fanzha.sim.io.Table}), streaming: transfers are written as they are read,
 * only the account table is held.
 * <p>
 * Malformed rows (wrong field count, a bad number, flag or time, a negative amount, an
 * empty account id, an account not in the source's account list) are skipped and counted;
 * the summary keeps the first 20 as {@code FILE:LINE: column COLUMN: reason}. The import
 * fails as a whole with {@link ImportException} when an input is missing or has a wrong
 * header, when more than 1% of rows are malformed, or when no transfer is left. The
 * dataset is written into a temporary sibling of the output directory and renamed into
 * place only on success, so a failed import leaves nothing behind. Output is
 * deterministic: importing the same input twice gives byte-identical files.
 */
public final class Importers {

	/** More than this percentage of malformed rows fails the import. */
	public static final int MAX_REJECTED_PERCENT = 1;

	/** The source formats. */
	public enum Format {

		/** AMLSim export: a folder with nodes.csv and transactions.csv. */
		AMLSIM("amlsim"),
		/** AMLSim transaction log tx_log.csv. */
		AMLSIM_TXLOG("amlsim-txlog"),
		/** PaySim rawLog.csv or the Kaggle PaySim1 file. */
		PAYSIM("paysim"),
		/** IBM AMLworld *_Trans.csv. */
		AMLWORLD("amlworld");

		private final String cliName;

		Format(String cliName) {
			this.cliName = cliName;
		}

		/** The name on the command line. */
		public String cliName() {
			return cliName;
		}

		/** A format by its command-line name (case ignored). */
		public static Format parse(String name) {
			if (name != null) {
				String n = name.strip().toLowerCase(Locale.ROOT);
				for (Format f : values()) {
					if (f.cliName.equals(n)) {
						return f;
					}
				}
			}
			throw new IllegalArgumentException("unknown import format '" + name + "'; valid formats: "
					+ Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", ")));
		}

		@Override
		public String toString() {
			return cliName;
		}

	}

	private Importers() {
	}

	/**
	 * Imports {@code inputs} in the given format into a new dataset directory
	 * {@code outDir}, which must not exist or be an empty directory.
	 * @throws ImportException when the input cannot be imported as a whole; outDir is
	 * then left as it was
	 */
	public static ImportSummary run(Format format, List<Path> inputs, Path outDir) {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(inputs, "inputs");
		Objects.requireNonNull(outDir, "outDir");
		if (inputs.isEmpty()) {
			throw new ImportException("no input given for format " + format.cliName());
		}
		Path out = outDir.toAbsolutePath().normalize();
		Path tmp = null;
		boolean done = false;
		try {
			checkOutDir(out);
			for (Path input : inputs) {
				if (!Files.exists(input)) {
					throw new ImportException("input not found: " + input);
				}
			}
			Path parent = out.getParent();
			if (parent == null) {
				throw new ImportException("output directory cannot be a file system root: " + out);
			}
			Files.createDirectories(parent);
			tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".importing-");
			ImportRun run = new ImportRun(tmp);
			SourceImporter importer = switch (format) {
				case AMLSIM -> new AmlSimImporter(run);
				case AMLSIM_TXLOG -> new AmlSimTxLogImporter(run);
				case PAYSIM -> new PaySimImporter(run);
				case AMLWORLD -> new AmlWorldImporter(run);
			};
			try {
				importer.read(inputs);
				run.finish();
			}
			finally {
				run.close();
			}
			ImportSummary summary = new ImportSummary(run.rowsRead, run.rowsRejected, run.accounts.size(),
					run.transfers(), run.muleAccounts(), run.launderingTransfers(), run.rejections());
			String first = run.rejections().isEmpty() ? "" : "; first: " + run.rejections().get(0);
			if (run.rowsRejected * 100 > run.rowsRead * MAX_REJECTED_PERCENT) {
				throw new ImportException(
						run.rowsRejected + " of " + run.rowsRead + " rows are malformed (more than 1%)" + first);
			}
			if (run.transfers() == 0) {
				throw new ImportException("no valid transfer rows in " + String.join(", ", importer.inputNames) + " ("
						+ run.rowsRead + " rows read, " + run.rowsRejected + " rejected)" + first);
			}
			ImportRun.writeText(tmp.resolve("SOURCE.txt"), sourceText(format, importer, summary));
			checkOutDir(out);
			if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
				Files.delete(out); // empty, checked above
			}
			try {
				Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, out);
			}
			done = true;
			return summary;
		}
		catch (IOException e) {
			throw new ImportException(format.cliName() + " import failed: " + oneLine(e), e);
		}
		catch (UncheckedIOException e) {
			throw new ImportException(format.cliName() + " import failed: " + oneLine(e.getCause()), e);
		}
		finally {
			if (!done && tmp != null) {
				deleteTree(tmp);
			}
		}
	}

	private static String oneLine(Throwable e) {
		String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		if (e instanceof NoSuchFileException) {
			m = "file not found: " + m;
		}
		return m.replace('\n', ' ').replace('\r', ' ');
	}

	private static void checkOutDir(Path out) throws IOException {
		if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
			throw new ImportException("output " + out + " exists and is not a directory");
		}
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
			if (ds.iterator().hasNext()) {
				throw new ImportException("output directory " + out + " exists and is not empty");
			}
		}
	}

	private static String sourceText(Format format, SourceImporter importer, ImportSummary s) {
		List<String> lines = new ArrayList<>();
		lines.add("Fanzha dataset imported from a public anti-money-laundering dataset.");
		lines.add("Format: " + format.cliName());
		lines.add("Inputs: " + String.join(", ", importer.inputNames));
		lines.add("Rows read: " + s.rowsRead());
		lines.add("Rows rejected (malformed, skipped): " + s.rowsRejected());
		lines.add("Accounts: " + s.accounts());
		lines.add("Transfers: " + s.transfers());
		lines.add("Mule accounts: " + s.muleAccounts());
		lines.add("Laundering transfers: " + s.launderingTransfers());
		lines.add("");
		StringBuilder sb = new StringBuilder(String.join("\n", lines)).append('\n');
		sb.append(importer.notes());
		sb.append("Tables the source has nothing for (persons, sims, calls, sms, cases, gangs, victims, ...) "
				+ "are written with their header only.\n");
		if (!s.firstRejections().isEmpty()) {
			sb.append("\nFirst rejected rows:\n");
			for (String r : s.firstRejections()) {
				sb.append("  ").append(r).append('\n');
			}
		}
		return sb.toString();
	}

	private static void deleteTree(Path dir) {
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
					Files.delete(d);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException e) {
			// best effort: a temporary directory (".<name>.importing-...") may be left
			// behind
		}
	}

}

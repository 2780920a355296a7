package org.fanzha.sim.io;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a Fanzha dataset directory. Files are opened on first use and every table is
 * created (with its header) on close, so a dataset always has the full set of files even
 * where a source has no rows.
 */
public final class DatasetWriter implements Closeable {

	private final Path dir;

	private final Map<Table, CsvFile> open = new EnumMap<>(Table.class);

	public DatasetWriter(Path dir) {
		this.dir = dir;
	}

	public Path dir() {
		return dir;
	}

	public CsvFile file(Table table) {
		return open.computeIfAbsent(table, t -> new CsvFile(dir.resolve(t.fileName()), t.header()));
	}

	/** Rows written so far to a table. */
	public long rows(Table table) {
		CsvFile f = open.get(table);
		return f == null ? 0 : f.rows();
	}

	@Override
	public void close() {
		for (Table t : Table.values()) {
			file(t);
		}
		for (CsvFile f : open.values()) {
			f.close();
		}
	}

}

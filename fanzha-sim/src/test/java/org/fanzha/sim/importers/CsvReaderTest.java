package org.fanzha.sim.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fanzha.core.KeyIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvReaderTest {

	@TempDir
	Path tmp;

	CsvReader reader(String text) throws IOException {
		Path f = tmp.resolve("t.csv");
		Files.write(f, text.getBytes(StandardCharsets.UTF_8));
		return new CsvReader(f);
	}

	List<String> records(String text) throws IOException {
		List<String> out = new ArrayList<>();
		try (CsvReader r = reader(text)) {
			while (r.next()) {
				List<String> fields = new ArrayList<>();
				for (int i = 0; i < r.fields(); i++) {
					fields.add(r.text(i));
				}
				out.add(r.line() + ":" + fields);
			}
		}
		return out;
	}

	@Test
	void quotesLineBreaksBomAndBlankLines() throws IOException {
		assertThat(records("\uFEFFa,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",\r\nlast,é"))
			.containsExactly("1:[a, b]", "2:[x,1, say \"hi\"]", "4:[two\nlines, ]", "6:[last, é]");
		assertThat(records("a\n\n")).containsExactly("1:[a]");
		assertThat(records("")).isEmpty();
		assertThat(records(",\n")).containsExactly("1:[, ]");
	}

	@Test
	void unterminatedQuoteIsAMalformedRow() throws IOException {
		try (CsvReader r = reader("a,b\n1,\"2\n")) {
			assertThat(r.next()).isTrue();
			assertThat(r.next()).isTrue();
			assertThat(r.unterminatedQuote()).isTrue();
			assertThatThrownBy(() -> r.requireFields(new String[] { "a", "b" })).isInstanceOf(RowException.class)
				.hasMessage("b: unterminated quoted field");
		}
	}

	@Test
	void longRecordsAndManyFieldsGrowTheBuffers() throws IOException {
		String big = "x".repeat(200_000);
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			many.append(i).append(',');
		}
		try (CsvReader r = reader(big + ",1\n" + many + "\n")) {
			assertThat(r.next()).isTrue();
			assertThat(r.text(0)).isEqualTo(big);
			assertThat(r.text(1)).isEqualTo("1");
			assertThat(r.next()).isTrue();
			assertThat(r.fields()).isEqualTo(101);
			assertThat(r.text(99)).isEqualTo("99");
		}
	}

	@ParameterizedTest
	@CsvSource({ "163.3,16330", "163.30,16330", "12,1200", "0,0", "0.01,1", ".5,50", "7.,700", "+3.5,350", "0.125,13",
			"0.1249,12", "0.005,1", "0.0049999,0", "1.995,200", "184.44,18444", "1E3,100000", "2.5e-3,0",
			"1.2345E2,12345", "1.23456E2,12346", "999999999999999.99,99999999999999999", "-0.00,0" })
	void amountsAreExactFen(String text, long fen) throws Exception {
		try (CsvReader r = reader(text + "\n")) {
			r.next();
			assertThat(r.amount(0, "amount")).isEqualTo(fen);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "-1.00|negative amount: '-1.00'", "abc|not an amount: 'abc'", "1.2.3|not an amount: '1.2.3'",
					"|empty, expected an amount", ".|not an amount: '.'", "1e|not an amount: '1e'",
					"NaN|not an amount: 'NaN'", "1,234.56|not an amount: '1,234.56'",
					"1000000000000000|amount too large: '1000000000000000'", "1e300|amount too large: '1e300'",
					"'12 '|not an amount: '12 '", "-1e2|negative amount: '-1e2'" })
	void badAmounts(String text, String message) throws Exception {
		try (CsvReader r = reader("\"" + (text == null ? "" : text) + "\"\n")) {
			r.next();
			assertThatThrownBy(() -> r.amount(0, "amount")).isInstanceOf(RowException.class)
				.hasMessage("amount: " + message);
		}
	}

	@Test
	void signedAmountsAndIntegersAndFlags() throws Exception {
		try (CsvReader r = reader("-41146.74,-1,149,1,0,true,FALSE,2,1.0\n")) {
			r.next();
			assertThat(r.fen(0, "b", true)).isEqualTo(-4114674);
			assertThat(r.integer(1, "s")).isEqualTo(-1);
			assertThat(r.integer(2, "s")).isEqualTo(149);
			assertThat(r.flag(3, "f")).isTrue();
			assertThat(r.flag(4, "f")).isFalse();
			assertThat(r.flag(5, "f")).isTrue();
			assertThat(r.flag(6, "f")).isFalse();
			assertThatThrownBy(() -> r.flag(7, "f")).hasMessage("f: not a flag (0 or 1): '2'");
			assertThatThrownBy(() -> r.integer(8, "s")).hasMessage("s: not a whole number: '1.0'");
		}
	}

	@Test
	void idIndexNumbersIdsInOrderOfFirstAppearance() {
		KeyIndex index = new KeyIndex();
		for (int i = 0; i < 100_000; i++) {
			assertThat(index.getOrAdd("C" + i)).isEqualTo(i);
			assertThat(index.added()).isTrue();
		}
		for (int i = 0; i < 100_000; i += 7) {
			assertThat(index.getOrAdd("C" + i)).isEqualTo(i);
			assertThat(index.added()).isFalse();
			byte[] b = ("xC" + i).getBytes(StandardCharsets.UTF_8);
			assertThat(index.get(b, 1, b.length - 1)).isEqualTo(i);
		}
		assertThat(index.size()).isEqualTo(100_000);
		assertThat(index.name(4711)).isEqualTo("C4711");
		assertThat(index.get(new byte[] { 'Z' }, 0, 1)).isEqualTo(-1);
		assertThat(index.getOrAdd("账户-1")).isEqualTo(100_000);
		assertThat(index.name(100_000)).isEqualTo("账户-1");
	}

}

package org.fanzha.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fanzha.core.Beijing;
import org.fanzha.platform.InvalidFieldsException;

/**
 * Reads an account statement file (流水) in the documented column layout (docs/workflows.md
 * §5): a header row, then one row per transaction; CSV (UTF-8, comma, double quotes) or
 * xlsx (first sheet). Columns are found by their Chinese or English header, in any order;
 * unknown columns are ignored. Amounts are yuan with at most two decimals and become fen
 * exactly; times are Beijing time ({@code yyyy-MM-dd HH:mm:ss}) or ISO-8601 instants.
 * Every bad cell is reported (row and column) and nothing is taken when one is bad.
 */
public final class Statements {

	public static final int MAX_ROWS = 10_000;

	public static final int MAX_BYTES = 4 << 20;

	private static final ZoneOffset BEIJING = Beijing.ZONE;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

	/** Column: the headers that name it (Chinese first). */
	enum Column {

		TIME(true, "交易时间", "time"), DIRECTION(true, "借贷标志", "direction"), AMOUNT(true, "交易金额", "amount"),
		COUNTERPARTY_ACCOUNT(false, "对方账号", "counterpartyAccount"),
		COUNTERPARTY_NAME(false, "对方户名", "counterpartyName"), COUNTERPARTY_BANK(false, "对方开户行", "counterpartyBank"),
		CHANNEL(false, "交易渠道", "channel"), TRANSFER_ID(false, "交易流水号", "transferId"), BALANCE(false, "余额", "balance"),
		MEMO(false, "摘要", "memo");

		final boolean required;

		final String zh;

		final String en;

		Column(boolean required, String zh, String en) {
			this.required = required;
			this.zh = zh;
			this.en = en;
		}

	}

	private Statements() {
	}

	/** Parses a CSV or xlsx statement by its file name (or content). */
	public static List<StatementRow> parse(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidFieldsException(Map.of("statement", "the file is empty"));
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidFieldsException(Map.of("statement", "the file is larger than 4 MiB; split it by period"));
		}
		boolean xlsx = (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
				|| (content.length > 3 && content[0] == 'P' && content[1] == 'K');
		return rows(xlsx ? xlsx(content) : csv(new String(content, StandardCharsets.UTF_8)));
	}

	/**
	 * Checks rows sent as JSON (a bank's answer) the same way; {@code at} names the field
	 * path.
	 */
	public static void validate(List<StatementRow> rows, String at) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (rows != null && rows.size() > MAX_ROWS) {
			errors.put(at, "at most %,d rows per answer".formatted(MAX_ROWS));
		}
		for (int i = 0; rows != null && i < rows.size() && errors.size() < 50; i++) {
			StatementRow r = rows.get(i);
			String p = at + "[" + i + "].";
			if (r == null) {
				errors.put(at + "[" + i + "]", "is empty");
				continue;
			}
			if (r.at() == null) {
				errors.put(p + "at", "is required");
			}
			if (r.direction() == null) {
				errors.put(p + "direction", "must be IN or OUT");
			}
			if (r.amountFen() <= 0 || r.amountFen() > 100_000_000_000L) {
				errors.put(p + "amountFen", "must be > 0 fen (and at most ¥1,000,000,000)");
			}
			if (r.counterpartyAccount() != null && !r.counterpartyAccount().isEmpty()
					&& !r.counterpartyAccount().matches("[A-Za-z0-9:-]{1,40}")) {
				errors.put(p + "counterpartyAccount", "must be 1-40 letters, digits, ':' or '-' (empty for cash)");
			}
			if (r.counterpartyBank() != null && !r.counterpartyBank().isEmpty()
					&& !r.counterpartyBank().matches("[A-Z0-9]{2,16}")) {
				errors.put(p + "counterpartyBank", "must be an institution code such as CCB or ALIPAY");
			}
			if (r.counterpartyName() != null
					&& (r.counterpartyName().length() > 100 || hasControl(r.counterpartyName()))) {
				errors.put(p + "counterpartyName", "must be at most 100 printable characters");
			}
			if (r.transferId() != null && (r.transferId().length() > 64 || hasControl(r.transferId()))) {
				errors.put(p + "transferId", "must be at most 64 printable characters");
			}
			if (r.memo() != null && r.memo().length() > 200) {
				errors.put(p + "memo", "must be at most 200 characters");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
	}

	static boolean hasControl(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
				return true;
			}
		}
		return false;
	}

	private static List<StatementRow> rows(List<List<String>> table) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (table.isEmpty()) {
			throw new InvalidFieldsException(Map.of("statement", "no header row"));
		}
		if (table.size() - 1 > MAX_ROWS) {
			throw new InvalidFieldsException(Map.of("statement", "at most %,d rows per file".formatted(MAX_ROWS)));
		}
		Map<Column, Integer> at = new LinkedHashMap<>();
		List<String> header = table.get(0);
		for (int c = 0; c < header.size(); c++) {
			String h = header.get(c).strip().replace("\uFEFF", "");
			for (Column col : Column.values()) {
				if (h.equals(col.zh) || h.equalsIgnoreCase(col.en)) {
					at.putIfAbsent(col, c);
				}
			}
		}
		for (Column col : Column.values()) {
			if (col.required && !at.containsKey(col)) {
				errors.put("statement.header", "the column " + col.zh + " (" + col.en + ") is missing");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		List<StatementRow> out = new ArrayList<>();
		for (int r = 1; r < table.size() && errors.size() < 50; r++) {
			List<String> row = table.get(r);
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			String p = "statement[row " + (r + 1) + "].";
			Instant time = null;
			String t = cell(row, at, Column.TIME);
			try {
				time = t.contains("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$") ? Instant.parse(t)
						: LocalDateTime.parse(t, LOCAL).toInstant(BEIJING);
			}
			catch (DateTimeParseException e) {
				errors.put(p + Column.TIME.zh,
						"'" + abbreviate(t) + "' is not a time (yyyy-MM-dd HH:mm:ss, Beijing time)");
			}
			StatementRow.Direction direction = direction(cell(row, at, Column.DIRECTION));
			if (direction == null) {
				errors.put(p + Column.DIRECTION.zh, "must be 借/贷 (or OUT/IN)");
			}
			Long amount = fen(cell(row, at, Column.AMOUNT));
			if (amount == null || amount <= 0) {
				errors.put(p + Column.AMOUNT.zh, "must be a positive amount in yuan with at most two decimals");
			}
			String balanceText = cell(row, at, Column.BALANCE);
			Long balance = balanceText.isEmpty() ? null
					: fen(balanceText.startsWith("-") ? balanceText.substring(1) : balanceText);
			if (!balanceText.isEmpty() && balance == null) {
				errors.put(p + Column.BALANCE.zh, "must be an amount in yuan");
			}
			else if (balance != null && balanceText.startsWith("-")) {
				balance = -balance;
			}
			String channelText = cell(row, at, Column.CHANNEL);
			StatementRow.Channel channel = channel(channelText);
			if (channel == null) {
				errors.put(p + Column.CHANNEL.zh, "'" + abbreviate(channelText)
						+ "' is not a channel (网银, 手机银行, 柜面, 转账, ATM, POS, 第三方支付, 黄金/虚拟币)");
			}
			if (errors.isEmpty()) {
				out.add(new StatementRow(blankToNull(cell(row, at, Column.TRANSFER_ID)), time, direction,
						blankToNull(cell(row, at, Column.COUNTERPARTY_ACCOUNT)),
						blankToNull(cell(row, at, Column.COUNTERPARTY_BANK)),
						blankToNull(cell(row, at, Column.COUNTERPARTY_NAME)), amount, channel, balance,
						blankToNull(cell(row, at, Column.MEMO))));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		validate(out, "statement");
		return out;
	}

	private static String cell(List<String> row, Map<Column, Integer> at, Column c) {
		Integer i = at.get(c);
		return i == null || i >= row.size() ? "" : row.get(i).strip();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	private static String abbreviate(String s) {
		return s.length() > 30 ? s.substring(0, 30) + "…" : s;
	}

	static StatementRow.Direction direction(String s) {
		return switch (s.toUpperCase(Locale.ROOT)) {
			case "借", "出", "支出", "OUT", "D", "DEBIT" -> StatementRow.Direction.OUT;
			case "贷", "入", "收入", "IN", "C", "CREDIT" -> StatementRow.Direction.IN;
			default -> null;
		};
	}

	static StatementRow.Channel channel(String s) {
		if (s.isEmpty()) {
			return StatementRow.Channel.TRANSFER;
		}
		String u = s.toUpperCase(Locale.ROOT);
		for (StatementRow.Channel c : StatementRow.Channel.values()) {
			if (c.name().equals(u)) {
				return c;
			}
		}
		if (u.contains("ATM")) {
			return StatementRow.Channel.ATM;
		}
		if (u.contains("POS")) {
			return StatementRow.Channel.POS;
		}
		if (s.contains("第三方") || s.contains("支付宝") || s.contains("微信") || s.contains("财付通")) {
			return StatementRow.Channel.THIRD_PARTY;
		}
		if (s.contains("黄金") || s.contains("虚拟币") || s.contains("数字货币") || s.contains("USDT")) {
			return StatementRow.Channel.GOLD_CRYPTO;
		}
		if (s.contains("网银") || s.contains("手机银行") || s.contains("柜面") || s.contains("转账") || s.contains("跨行")) {
			return StatementRow.Channel.TRANSFER;
		}
		return null;
	}

	/** Yuan text ("1,234.50", "¥88") to fen, exactly; null when it is not an amount. */
	static Long fen(String yuan) {
		String s = yuan.replace(",", "").replace("¥", "").replace("￥", "").strip();
		if (!s.matches("\\d{1,12}(\\.\\d{1,2})?")) {
			return null;
		}
		return new BigDecimal(s).movePointRight(2).longValueExact();
	}

	static List<List<String>> csv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new InvalidFieldsException(Map.of("statement", "a quoted cell is not closed"));
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	private static List<List<String>> xlsx(byte[] content) {
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter format = new DataFormatter(Locale.ROOT);
			List<List<String>> rows = new ArrayList<>();
			for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && r <= MAX_ROWS + 1; r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
					Cell cell = row.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
						cells.add(cell.getLocalDateTimeCellValue()
							.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
					}
					else if (cell.getCellType() == CellType.NUMERIC) {
						cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
					}
					else {
						cells.add(format.formatCellValue(cell));
					}
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidFieldsException i) {
				throw i;
			}
			throw new InvalidFieldsException(Map.of("statement", "not a readable xlsx workbook"));
		}
	}

}

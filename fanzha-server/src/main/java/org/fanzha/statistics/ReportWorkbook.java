package org.fanzha.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as an Excel workbook (xlsx): a summary sheet and one sheet per breakdown.
 * Money in yuan with two decimals (from fen, exact), shares as percentages.
 */
public final class ReportWorkbook {

	private ReportWorkbook() {
	}

	/** Labels of the totals, in report order. */
	public static final Map<String, String> TOTALS = linked("reports", "报案数", "lossFen", "报案损失（元）", "stopsIssued",
			"下发止付指令", "stopsExecuted", "止付成功", "stoppedFen", "止付金额（元）", "freezes", "冻结", "frozenFen", "冻结金额（元）",
			"returns", "返还笔数", "returnedFen", "返还金额（元）", "warnings", "预警", "sms", "短信劝阻", "calls", "电话劝阻", "visits",
			"见面劝阻", "dissuaded", "劝阻成功", "preventedFen", "避免损失（元）", "simChecks", "入网核验", "simRefused", "拒绝办卡",
			"simReverify", "二次实人核验", "simRestricted", "限制呼出", "simSuspended", "停机", "simBoxes", "猫池/GOIP 号码",
			"simAppeals", "申诉", "simLifted", "申诉后解除", "caseGroups", "串并案件组（当前）", "casesLinked", "串并案件数（当前）",
			"referrals", "移送审查起诉（组）", "casesReferred", "移送案件数", "listingsProposed", "惩戒名单：系统提请", "listingsDecided",
			"惩戒名单：决定纳入", "listingAppeals", "惩戒名单：申诉", "listingsLifted", "惩戒名单：解除", "studentsNotified", "涉“两卡”学生通报学校");

	private static Map<String, String> linked(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put(kv[i], kv[i + 1]);
		}
		return Collections.unmodifiableMap(m);
	}

	public static byte[] write(OversightReporting.Report r) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font f = wb.createFont();
			f.setBold(true);
			bold.setFont(f);
			CellStyle money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
			CellStyle percent = wb.createCellStyle();
			percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));

			Sheet s = wb.createSheet("汇总");
			int n = 0;
			Row title = s.createRow(n++);
			title.createCell(0).setCellValue("电信网络诈骗治理工作统计（" + r.from() + " 至 " + r.toExclusive().minusDays(1) + "）");
			title.getCell(0).setCellStyle(bold);
			for (Map.Entry<String, String> e : TOTALS.entrySet()) {
				Row row = s.createRow(n++);
				row.createCell(0).setCellValue(e.getValue());
				value(row, 1, e.getKey(), r.total(e.getKey()), money);
			}
			Row rec = s.createRow(n++);
			rec.createCell(0).setCellValue("返还率（返还÷损失）");
			rec.createCell(1).setCellValue(r.recoveryRate());
			rec.getCell(1).setCellStyle(percent);
			Row ic = s.createRow(n++);
			ic.createCell(0).setCellValue("拦截率上限（止付+冻结÷损失）");
			ic.createCell(1).setCellValue(r.interceptRate());
			ic.getCell(1).setCellStyle(percent);
			s.createRow(n++).createCell(0).setCellValue("生成时间 " + r.generatedAt() + "；仅含汇总数字，不含个人信息。");
			s.setColumnWidth(0, 40 * 256);
			s.setColumnWidth(1, 20 * 256);

			sheet(wb, "按地市", r.byCity(), bold, money);
			sheet(wb, "按诈骗类型", r.byFraudType(), bold, money);
			sheet(wb, "按单位", r.byAgency(), bold, money);
			sheet(wb, "劝阻方式", r.warningsByChannel(), bold, money);
			sheet(wb, "劝阻结果", r.warningsByOutcome(), bold, money);
			sheet(wb, "运营商", r.telecomByOperator(), bold, money);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void sheet(XSSFWorkbook wb, String name, List<OversightReporting.Row> rows, CellStyle bold,
			CellStyle money) {
		Sheet s = wb.createSheet(name);
		Set<String> columns = new LinkedHashSet<>();
		for (String k : TOTALS.keySet()) {
			if (rows.stream().anyMatch(r -> r.figures().containsKey(k))) {
				columns.add(k);
			}
		}
		rows.forEach(r -> columns.addAll(r.figures().keySet()));
		Row head = s.createRow(0);
		head.createCell(0).setCellValue("项目");
		int c = 1;
		for (String k : columns) {
			head.createCell(c++).setCellValue(TOTALS.getOrDefault(k, k));
		}
		head.forEach(cell -> cell.setCellStyle(bold));
		int n = 1;
		for (OversightReporting.Row r : rows) {
			Row row = s.createRow(n++);
			row.createCell(0).setCellValue(r.label());
			c = 1;
			for (String k : columns) {
				value(row, c++, k, r.get(k), money);
			}
		}
		s.setColumnWidth(0, 24 * 256);
	}

	private static void value(Row row, int col, String key, long v, CellStyle money) {
		if (key.endsWith("Fen")) {
			// fen to yuan: exact for any amount a report can hold (below 2^53 fen)
			row.createCell(col).setCellValue(v / 100 + (v % 100) / 100.0);
			row.getCell(col).setCellStyle(money);
		}
		else {
			row.createCell(col).setCellValue(v);
		}
	}

}

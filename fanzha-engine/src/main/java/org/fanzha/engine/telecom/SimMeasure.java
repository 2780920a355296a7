package org.fanzha.engine.telecom;

import java.util.List;

/**
 * What an operator does with an abnormal SIM, least to most severe, graded by risk as the
 * Anti-Telecom-Fraud Law asks: art. 11 (re-verify the real-name holder by risk grade;
 * restrict or suspend when re-verification is not done or fails) and art. 14 (SIM boxes
 * are blocked and reported). Every measure above {@link #NONE} must tell the holder the
 * reason, the appeal channel and the documents needed (art. 32): {@link #label},
 * {@link #APPEAL_CHANNEL} and {@link #appealDocuments}.
 */
public enum SimMeasure {

	/** Nothing to do. */
	NONE("无", List.of()),

	/**
	 * 二次实人核验: the holder re-verifies (face check online or in a hall) within the
	 * deadline, else restricted.
	 */
	RE_VERIFY("二次实人核验", List.of("本人有效身份证件", "线上或营业厅现场实人核验（刷脸）")),

	/**
	 * 限制呼出: outgoing calls and texts are stopped; incoming calls still reach the holder.
	 */
	RESTRICT_OUTGOING("限制呼出（停止主叫和发送短信）", List.of("本人有效身份证件原件", "营业厅现场实人核验", "号码用途说明（常用联系人、业务往来）")),

	/**
	 * 暂停服务: the SIM is suspended (停机) until the holder appeals and the appeal is
	 * verified.
	 */
	SUSPEND("暂停服务（停机）", List.of("本人有效身份证件原件", "营业厅现场实人核验", "号码用途说明（常用联系人、业务往来）", "如号码被公安机关认定涉诈：公安机关出具的核查结论"));

	/**
	 * Where the holder appeals (art. 32): the operator decides and lifts at once when the
	 * appeal is verified.
	 */
	public static final String APPEAL_CHANNEL = "持所需材料到号码归属运营商营业厅或拨打运营商客服热线提出申诉；"
			+ "运营商应及时核查，核查通过的即时解除措施（《反电信网络诈骗法》第三十二条）。" + "对运营商处理不满意的，可向工业和信息化部电信用户申诉受理中心（12300）申诉。";

	private final String label;

	private final List<String> appealDocuments;

	SimMeasure(String label, List<String> appealDocuments) {
		this.label = label;
		this.appealDocuments = appealDocuments;
	}

	/**
	 * The measure in Chinese, as told to the holder and shown to the operator's officer.
	 */
	public String label() {
		return label;
	}

	/**
	 * The documents the holder brings to appeal or re-verify (art. 32); empty for
	 * {@link #NONE}.
	 */
	public List<String> appealDocuments() {
		return appealDocuments;
	}

	/**
	 * Whether the measure stops the SIM from calling out ({@link #RESTRICT_OUTGOING} or
	 * {@link #SUSPEND}).
	 */
	public boolean restricts() {
		return compareTo(RESTRICT_OUTGOING) >= 0;
	}

}

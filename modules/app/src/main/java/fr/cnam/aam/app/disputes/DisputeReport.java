package fr.cnam.aam.app.disputes;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dispute report for one contract as of a date: a page for the doctor and the dispute handler, in French,
 * as XHTML and as PDF (openhtmltopdf). Every amount shows the rule, parameter, source, confidence and rulebook
 * revision behind it; the history shows when each step was recorded and from when it held.
 */
final class DisputeReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss 'UTC'")
                                                                      .withZone(ZoneId.of("UTC"));
    private static final Map<String, String> STATUS = Map.of("ACTIVE", "en cours", "SUSPENDED", "suspendu",
            "TERMINATED", "résilié", "TERM_REACHED", "arrivé à terme", "NOT_SIGNED", "non signé",
            "PLANNED", "prévu", "ORDERED", "ordonnancé", "PAID", "payé", "REJECTED", "rejeté",
            "CANCELLED", "annulé");

    private DisputeReport() {
    }

    /** A collective contract's company, ETP and members; nothing for an individual contract. */
    private static void collective(StringBuilder h, AsOfView.CollectiveState g) {
        if (g == null) {
            return;
        }
        h.append("<h2>Contrat collectif</h2><p>Structure <b>").append(e(g.structure())).append("</b>, identifiant ")
         .append(e(g.companyIdentifier())).append(", ETP financés : <b>")
         .append(BigDecimal.valueOf(g.etpPermille(), 3).stripTrailingZeros().toPlainString().replace('.', ','))
         .append("</b>");
        if (g.waitingUntil() != null) {
            h.append(" — délai de carence des membres jusqu'au ").append(day(g.waitingUntil()));
        }
        h.append("</p><table><tr><th>Membre (RPPS)</th><th>Adhésion</th><th>Départ</th></tr>");
        for (Map<String, Object> member : g.members()) {
            h.append("<tr><td>").append(e(String.valueOf(member.get("rpps")))).append("</td><td>")
             .append(day((LocalDate) member.get("joinedOn"))).append("</td><td>")
             .append(day((LocalDate) member.get("leftOn"))).append("</td></tr>");
        }
        h.append("</table>");
    }

    static String html(AsOfView view) {
        AsOfView.ContractState c = view.contract();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"UTF-8\"/>")
         .append("<title>Dossier de contestation ").append(e(view.contractId())).append("</title><style>")
         .append("body{font-family:sans-serif;font-size:9pt}table{border-collapse:collapse;width:100%}")
         .append("td,th{border:1px solid #999;padding:2px 4px;vertical-align:top}th{background:#eee}")
         .append(".n{text-align:right;white-space:nowrap}h1{font-size:14pt}h2{font-size:11pt}")
         .append("@page{size:A4 landscape;margin:12mm}</style></head><body>");
        h.append("<h1>Aide à l'emploi d'un assistant médical — dossier de contestation</h1>");
        h.append("<p>Contrat <b>").append(e(view.contractId())).append("</b> : situation au <b>")
         .append(day(view.asOf())).append("</b>, telle que connue de la caisse le <b>")
         .append(INSTANT.format(view.knownAt())).append("</b>.</p>");
        h.append("<table><tr><th>Caisse</th><th>RPPS</th><th>Signé le</th><th>Fin du contrat</th><th>Option</th>")
         .append("<th>Version réglementaire</th><th>Révision du barème</th><th>Statut</th></tr><tr><td>")
         .append(e(c.caisseCode())).append("</td><td>").append(e(c.rpps())).append("</td><td>")
         .append(day(c.signedOn())).append("</td><td>").append(day(c.endsOn())).append("</td><td>")
         .append(e(c.option())).append("</td><td>").append(e(c.regulatoryVersion())).append("</td><td>")
         .append(e(c.rulebookRevision())).append("</td><td>").append(e(STATUS.getOrDefault(c.status(), c.status())));
        if (c.suspendedSince() != null) {
            h.append(" depuis le ").append(day(c.suspendedSince()));
        }
        if (c.terminatesOn() != null) {
            h.append(" — résiliation notifiée le ").append(day(c.terminationNotifiedOn())).append(", effet au ")
             .append(day(c.terminatesOn()));
        }
        h.append("</td></tr></table>");
        collective(h, view.collective());

        h.append("<h2>Versements et récupérations</h2><table><tr><th>Année</th><th>Nature</th><th>Échéance</th>")
         .append("<th>Montant</th><th>Statut</th><th>Ordre</th><th>Règle du calendrier</th>")
         .append("<th>Règle du montant</th><th>Version / révision</th></tr>");
        Set<String> sources = new TreeSet<>();
        for (AsOfView.LineState line : view.lines()) {
            h.append("<tr><td class=\"n\">").append(line.contractYear()).append("</td><td>").append(e(line.kind()))
             .append("</td><td>").append(day(line.dueDate())).append("</td><td class=\"n\">")
             .append(euros(line.amount())).append("</td><td>")
             .append(e(STATUS.getOrDefault(line.status(), line.status()))).append(answered(line))
             .append("</td><td>").append(e(line.orderId())).append("</td><td>").append(e(line.parameter()))
             .append("<br/>").append(e(line.source())).append(" (").append(e(line.confidence())).append(")</td><td>")
             .append(e(line.amountParameter())).append("<br/>").append(e(line.amountSource())).append(" (")
             .append(e(line.amountConfidence())).append(")</td><td>").append(e(line.regulatoryVersion()))
             .append(" / ").append(e(line.rulebookRevision())).append("</td></tr>");
            add(sources, line.source());
            add(sources, line.amountSource());
        }
        AsOfView.Totals t = view.totals();
        h.append("</table><p>Dû : <b>").append(euros(t.due())).append("</b> — ordonnancé : ")
         .append(euros(t.ordered())).append(" — payé : ").append(euros(t.paid())).append(" — récupéré : ")
         .append(euros(t.recovered())).append(" — <b>net versé : ").append(euros(t.netPaid())).append("</b></p>");

        if (!c.evaluations().isEmpty()) {
            h.append("<h2>Évaluations des objectifs</h2><table><tr><th>Année</th><th>Évaluée le</th>")
             .append("<th>Taux d'atteinte</th><th>Aide</th><th>Aide modulée</th><th>Révision</th></tr>");
            for (Map<String, Object> ev : c.evaluations()) {
                h.append("<tr><td class=\"n\">").append(ev.get("contractYear")).append("</td><td>")
                 .append(day((LocalDate) ev.get("evaluatedOn"))).append("</td><td class=\"n\">")
                 .append(ev.get("achievementRate")).append(" %</td><td class=\"n\">")
                 .append(euros((BigDecimal) ev.get("aid"))).append("</td><td class=\"n\">")
                 .append(euros((BigDecimal) ev.get("modulatedAid"))).append("</td><td>")
                 .append(e(String.valueOf(ev.get("rulebookRevision")))).append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Historique (date d'enregistrement et date d'effet)</h2><table><tr><th>Enregistré le</th>")
         .append("<th>Effet au</th><th>Événement</th><th>Par</th><th>Caisse</th><th>Corrélation</th></tr>");
        for (AsOfView.TimelineEntry entry : view.timeline()) {
            h.append("<tr><td>").append(INSTANT.format(entry.recordedAt())).append("</td><td>")
             .append(day(entry.effectiveOn())).append(entry.inForce() ? "" : " (pas encore en vigueur)")
             .append("</td><td>").append(e(entry.type())).append("</td><td>").append(e(entry.principal()))
             .append("</td><td>").append(e(entry.caisse())).append("</td><td>").append(e(entry.correlationId()))
             .append("</td></tr>");
        }
        h.append("</table><h2>Sources</h2><ul>");
        sources.forEach(s -> h.append("<li>").append(e(s)).append("</li>"));
        h.append("</ul><p>Sources et niveaux de confiance : docs/regulation.md (confirmed : texte officiel ; ")
         .append("secondary : source secondaire ; unverified : inférence à confirmer par la caisse).</p>")
         .append("</body></html>\n");
        return h.toString();
    }

    static byte[] pdf(AsOfView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html(view), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String answered(AsOfView.LineState line) {
        return line.answeredOn() == null ? "" : " le " + day(line.answeredOn());
    }

    private static void add(Set<String> sources, String source) {
        if (source != null && !source.isBlank()) {
            sources.add(source);
        }
    }

    /** 36 000,00 € — French figures with plain spaces, so that they read back the same from the PDF. */
    static String euros(BigDecimal amount) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(amount) + " €";
    }

    private static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** Escaped, and without the characters XML forbids (the PDF renderer parses the page as XHTML). */
    private static String e(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder allowed = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                                      || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF)
            .forEach(allowed::appendCodePoint);
        return HtmlUtils.htmlEscape(allowed.toString(), "UTF-8");
    }
}

package org.finrec.data.internal.synthetic;

import java.time.LocalDate;
import java.util.Locale;

/** Formats a simulated customer's month as a row of the Santander {@code train_ver2.csv} layout. */
final class SantanderCsvRow {

    static final String HEADER = "\"fecha_dato\",\"ncodpers\",\"ind_empleado\",\"pais_residencia\",\"sexo\",\"age\","
            + "\"fecha_alta\",\"ind_nuevo\",\"antiguedad\",\"indrel\",\"ult_fec_cli_1t\",\"indrel_1mes\","
            + "\"tiprel_1mes\",\"indresi\",\"indext\",\"conyuemp\",\"canal_entrada\",\"indfall\",\"tipodom\","
            + "\"cod_prov\",\"nomprov\",\"ind_actividad_cliente\",\"renta\",\"segmento\",\"ind_ahor_fin_ult1\","
            + "\"ind_aval_fin_ult1\",\"ind_cco_fin_ult1\",\"ind_cder_fin_ult1\",\"ind_cno_fin_ult1\","
            + "\"ind_ctju_fin_ult1\",\"ind_ctma_fin_ult1\",\"ind_ctop_fin_ult1\",\"ind_ctpp_fin_ult1\","
            + "\"ind_deco_fin_ult1\",\"ind_deme_fin_ult1\",\"ind_dela_fin_ult1\",\"ind_ecue_fin_ult1\","
            + "\"ind_fond_fin_ult1\",\"ind_hip_fin_ult1\",\"ind_plan_fin_ult1\",\"ind_pres_fin_ult1\","
            + "\"ind_reca_fin_ult1\",\"ind_tjcr_fin_ult1\",\"ind_valo_fin_ult1\",\"ind_viv_fin_ult1\","
            + "\"ind_nomina_ult1\",\"ind_nom_pens_ult1\",\"ind_recibo_ult1\"";

    private SantanderCsvRow() {
    }

    static String of(SyntheticCustomer customer, String date, int month) {
        int tenure = customer.tenureMonths + month;
        StringBuilder row = new StringBuilder(220);
        row.append(date).append(',').append(customer.index + 1).append(",N,ES,").append(customer.sex).append(',')
                .append(String.format(Locale.ROOT, "%3d", customer.age)).append(',')
                .append(LocalDate.parse(date).minusMonths(tenure)).append(',').append(tenure < 6 ? " 1" : " 0")
                .append(',').append(String.format(Locale.ROOT, "%7d", tenure)).append(", 1,,1,")
                .append(customer.active ? 'A' : 'I').append(",S,N,,").append(channelCode(customer.channel))
                .append(",N, 1,").append(Math.abs(customer.province.hashCode()) % 52 + 1).append(",\"")
                .append(customer.province).append("\",").append(customer.active ? " 1" : " 0").append(',');
        row.append(customer.income > 0 ? String.format(Locale.ROOT, "%.2f", customer.income) : "NA");
        row.append(',').append(customer.stage.segment);
        int holdings = customer.holdingsByMonth[month];
        for (int p = 0; p < ProductBehaviour.PRODUCTS; p++) {
            row.append(',').append(ProductBehaviour.held(holdings, p) ? '1' : '0');
        }
        return row.toString();
    }

    private static String channelCode(String channel) {
        switch (channel) {
            case "mobile":
                return "KHE";
            case "online":
                return "KFC";
            default:
                return "KAT";
        }
    }
}

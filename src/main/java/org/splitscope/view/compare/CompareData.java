package org.splitscope.view.compare;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.analysis.AttentionMatrix;
import org.splitscope.figure.ViewData;

/** The numbers of the comparison figures as a table. */
public final class CompareData {
    private CompareData() {}

    public static ViewData of(Object data) {
        List<List<Object>> rows = new ArrayList<>();
        if (data instanceof AttentionComparison c) {
            AttentionMatrix a = c.a();
            for (int k = 0; k < a.cardinality(); k++) {
                for (int r = 0; r < a.radix(); r++) {
                    for (int ch = 0; ch < a.groupChannels(); ch++) {
                        rows.add(List.of("attention", a.block(), k, r, ch, a.weight(k, r, ch),
                                c.b().weight(k, r, ch), c.difference().weight(k, r, ch)));
                    }
                }
            }
            for (int j = 0; j < c.blocks().size(); j++) {
                rows.add(List.of("distance", c.blocks().get(j), "", "", "", "", "", c.distance()[j]));
            }
            return new ViewData(List.of("part", "block", "group", a.words().unit(), "channel", c.first(), c.second(),
                    "difference"), rows);
        }
        ScaleProfile p = (ScaleProfile) data;
        for (int i = 0; i < p.scales().size(); i++) {
            for (int j = 0; j < p.blocks().size(); j++) {
                for (int r = 0; r < p.means()[i][j].length; r++) {
                    rows.add(List.of(p.scales().get(i), p.blocks().get(j), r, p.means()[i][j][r]));
                }
            }
        }
        return new ViewData(List.of("scale", "block", "split", "mean_attention"), rows);
    }
}

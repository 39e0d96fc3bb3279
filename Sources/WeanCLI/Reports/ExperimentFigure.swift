import Pharmacology
import Plots

/// An experiment's panels drawn as one SVG figure: model curves as lines, the papers' numbers as
/// points with error bars, the notice as footer.
enum ExperimentFigure {
    static func figure(for result: ExperimentResult, experiment: Experiment) -> Figure {
        let panels = result.panels.map { panel in
            LinePlot(
                title: panel.title,
                xAxis: Axis(label: panel.xLabel, scale: panel.logX ? .logarithmic : .linear),
                yAxis: Axis(label: panel.yLabel, scale: panel.logY ? .logarithmic : .linear),
                lines: panel.curves.map { LineSeries(name: $0.name, x: $0.x, y: $0.y, dashed: $0.dashed) },
                observations: panel.observations.map {
                    ObservedSeries(name: $0.name, x: $0.x, y: $0.y, yLower: $0.lower, yUpper: $0.upper)
                })
        }
        let verdict = result.pass ? "all targets pass" : "\(result.targets.filter { !$0.pass }.count) target(s) fail"
        return Figure(title: "\(result.name): \(verdict)", panels: panels, columns: panels.count > 1 ? 2 : 1,
                      footer: "\(experiment.citation). \(Notice.text)")
    }

    static func svg(for result: ExperimentResult, experiment: Experiment) -> String {
        figure(for: result, experiment: experiment).svg()
    }
}

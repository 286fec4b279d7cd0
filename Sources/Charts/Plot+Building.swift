extension Plot {
    /// A plot of `f` sampled at `points` evenly spaced values over `domain`,
    /// ends included.
    public static func function(
        _ domain: ClosedRange<Double>, points: Int = 200, title: String = "", xLabel: String = "", yLabel: String = "",
        name: String = "", style: Series.Style = .line, _ f: (Double) -> Double
    ) -> Plot {
        Plot(title: title, xLabel: xLabel, yLabel: yLabel).function(domain, points: points, name: name, style: style, f)
    }

    /// Adds `f` sampled at `points` evenly spaced values over `domain`, ends
    /// included. For a function with jumps, `.steps` draws each jump as a
    /// vertical line at the first sample past it.
    public func function(
        _ domain: ClosedRange<Double>, points: Int = 200, name: String = "", style: Series.Style = .line,
        color: Color? = nil, _ f: (Double) -> Double
    ) -> Plot {
        let count = max(points, 2)
        let width = domain.upperBound - domain.lowerBound
        let x = (0..<count).map { i in
            i == count - 1 ? domain.upperBound : domain.lowerBound + width * Double(i) / Double(count - 1)
        }
        return line(x: x, y: x.map(f), name: name, style: style, color: color)
    }

    /// Adds a series through the points (x[i], y[i]); its colour, unless
    /// given, is the palette's next.
    public func line(x: [Double], y: [Double], name: String = "", style: Series.Style = .line, color: Color? = nil) -> Plot {
        var plot = self
        plot.series.append(Series(name: name, x: x, y: y, style: style, color: color ?? Palette.color(series.count)))
        return plot
    }

    /// Adds a series through (i, y[i]) for i = 0, 1, …: values over steps.
    public func line(_ y: [Double], name: String = "", style: Series.Style = .line, color: Color? = nil) -> Plot {
        line(x: y.indices.map(Double.init), y: y, name: name, style: style, color: color)
    }

    /// Adds a dot at each (x[i], y[i]).
    public func dots(x: [Double], y: [Double], name: String = "", color: Color? = nil) -> Plot {
        line(x: x, y: y, name: name, style: .dots, color: color)
    }

    /// Adds a dot at each (i, y[i]) for i = 0, 1, ….
    public func dots(_ y: [Double], name: String = "", color: Color? = nil) -> Plot {
        line(y, name: name, style: .dots, color: color)
    }

    /// Adds points coloured by category (see `Scatter`).
    public func scatter(
        x: [Double], y: [Double], categories: [Int]? = nil, names: [String] = [], radius: Double = 4.5, outlined: Bool = true
    ) -> Plot {
        var plot = self
        plot.scatters.append(Scatter(x: x, y: y, categories: categories, names: names, radius: radius, outlined: outlined))
        return plot
    }

    /// Fills the plane with the classes of `grid`, under everything else.
    public func regions(_ grid: RegionGrid) -> Plot {
        var plot = self
        plot.regions = grid
        return plot
    }

    /// Fills `x` × `y` with the class `classify` gives at the centre of each
    /// square cell of side `step` (see `RegionGrid`).
    public func regions(
        x: ClosedRange<Double>, y: ClosedRange<Double>, step: Double, classify: (_ x: Double, _ y: Double) -> Int
    ) -> Plot {
        regions(RegionGrid(x: x, y: y, step: step, classify: classify))
    }

    /// Fixes the range of the x axis, the y axis, or both.
    public func limits(x: ClosedRange<Double>? = nil, y: ClosedRange<Double>? = nil) -> Plot {
        var plot = self
        plot.xAxis.limits = x ?? xAxis.limits
        plot.yAxis.limits = y ?? yAxis.limits
        return plot
    }

    /// Places the legend.
    public func legend(_ placement: LegendPlacement) -> Plot {
        var plot = self
        plot.legend = placement
        return plot
    }

    /// Makes one unit of x as long on the page as one unit of y.
    public func equalAspect(_ equal: Bool = true) -> Plot {
        var plot = self
        plot.equalAspect = equal
        return plot
    }

    /// Sets the natural size of the picture, in CSS pixels.
    public func size(width: Double, height: Double) -> Plot {
        var plot = self
        plot.width = width
        plot.height = height
        return plot
    }

    /// Sets the prefix of the SVG's ids.
    public func id(_ id: String) -> Plot {
        var plot = self
        plot.id = id
        return plot
    }
}

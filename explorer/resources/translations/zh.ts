<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AppearanceMenu</name>
        <message>
            <location filename="../../ui/appearance.py" line="390" />
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="390" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="390" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="391" />
            <source>light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="391" />
            <source>dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="403" />
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="410" />
            <source>Use the {theme} colour scheme</source>
            <translation>使用{theme}配色</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="415" />
            <source>Follow the system's light or dark scheme</source>
            <translation>跟随系统的浅色或深色配色</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="416" />
            <source>&amp;Presentation Mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="418" />
            <source>Larger text, thicker lines and bigger handles for a projector</source>
            <translation>更大的文字、更粗的线条和更大的拖动点，适合投影</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="423" />
            <source>&amp;Larger Text</source>
            <translation>放大文字(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="427" />
            <source>&amp;Smaller Text</source>
            <translation>缩小文字(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/appearance.py" line="431" />
            <source>&amp;Normal Text Size</source>
            <translation>正常文字大小(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>CurveList</name>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="45" />
            <source>Show or hide this curve</source>
            <translation>显示或隐藏这条曲线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="46" />
            <source>Show curve {n}</source>
            <translation>显示曲线 {n}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="49" />
            <source>Pick the curve's colour</source>
            <translation>选择曲线的颜色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="50" />
            <source>Colour of curve {n}</source>
            <translation>曲线 {n} 的颜色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="64" />
            <source>Edit f in the f(x) field at the top of the window</source>
            <translation>在窗口顶部的 f(x) 输入框中编辑 f</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="69" />
            <source>e.g. g(x) = f(x - 1) + 2  or  f'(x)</source>
            <translation>例如 g(x) = f(x - 1) + 2  或  f'(x)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="70" />
            <source>Curve {n} expression</source>
            <translation>曲线 {n} 的表达式</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="75" />
            <source>Remove this curve</source>
            <translation>移除这条曲线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="76" />
            <source>Remove curve {n}</source>
            <translation>删除曲线 {n}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="118" />
            <source>+ Add function</source>
            <translation>+ 添加函数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="120" />
            <source>Plot another function; it may use f, e.g. f(x - 1) or f'(x)</source>
            <translation>再绘制一个函数；可以用到 f，例如 f(x - 1) 或 f'(x)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/curve_list.py" line="177" />
            <source>Curve colour</source>
            <translation>曲线颜色</translation>
        </message>
    </context>
    <context>
        <name>DerivativePanel</name>
        <message>
            <location filename="../../ui/panels/derivative/controls.py" line="75" />
            <source>Step h of the secant, from 1 down to 10⁻¹² (one tick = a decade)</source>
            <translation>割线的步长 h，从 1 到 10⁻¹²（每一格为一个数量级）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/controls.py" line="76" />
            <source>Secant step h</source>
            <translation>割线步长 h</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/controls.py" line="112" />
            <location filename="../../ui/panels/derivative/controls.py" line="131" />
            <source>Show steps</source>
            <translation>显示步骤</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/controls.py" line="131" />
            <source>Hide steps</source>
            <translation>隐藏步骤</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/controls.py" line="141" />
            <source>Note: {note}</source>
            <translation>注意：{note}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/controls.py" line="166" />
            <source>{rule}: {formula} with {bindings}</source>
            <translation>{rule}：{formula}，其中 {bindings}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/controls.py" line="168" />
            <source>{rule}: {formula}</source>
            <translation>{rule}：{formula}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/controls.py" line="170" />
            <source>{rule} with {bindings}</source>
            <translation>{rule}，其中 {bindings}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/formula.py" line="130" />
            <source>simplifying…</source>
            <translation>正在化简…</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/formula.py" line="152" />
            <source>By the rules: {formula}</source>
            <translation>按求导法则：{formula}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/formula.py" line="153" />
            <source>✓ simplified (sympy)</source>
            <translation>✓ 已化简（sympy）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/formula.py" line="165" />
            <source>not simplified (sympy ran out of time); shown as derived</source>
            <translation>未化简（sympy 超时）；按推导结果显示</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/formula.py" line="167" />
            <source>not simplified (sympy failed); shown as derived</source>
            <translation>未化简（sympy 失败）；按推导结果显示</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="31" />
            <source>tangent at x₀</source>
            <translation>x₀ 处的切线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="32" />
            <source>secant x₀ … x₀+h</source>
            <translation>割线 x₀ … x₀+h</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="33" />
            <source>f′ does not exist</source>
            <translation>f′ 不存在</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="66" />
            <source>Drag along the curve to move x₀</source>
            <translation>沿曲线拖动以移动 x₀</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="230" />
            <source>Tangent at x₀ = {x}:  {equation}</source>
            <translation>x₀ = {x} 处的切线：  {equation}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="231" />
            <source>slope f′({x}) = {slope}</source>
            <translation>斜率 f′({x}) = {slope}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="234" />
            <source>(x₀, f(x₀)) = {where} is outside the view</source>
            <translation>(x₀, f(x₀)) = {where} 在视图之外</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="237" />
            <source>No tangent at x₀ = {x}:</source>
            <translation>x₀ = {x} 处没有切线：</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="239" />
            <source>(the hollow point marks x₀: drag it back onto f)</source>
            <translation>（空心点标记 x₀：把它拖回 f 上）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/items.py" line="331" />
            <source>not drawn: f(x₀) or f(x₀ + h) lies far outside the view</source>
            <translation>未绘制：f(x₀) 或 f(x₀ + h) 远在视图之外</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="45" />
            <source>forward quotient</source>
            <translation>前向差商</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="47" />
            <source>central quotient</source>
            <translation>中心差商</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="97" />
            <source>Table of difference quotients as h → 0</source>
            <translation>h → 0 时的差商表</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="98" />
            <source>Forward and central difference quotients at x₀ and their errors, one row per h</source>
            <translation>x₀ 处的前向差商与中心差商及其误差，每个 h 一行</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="121" />
            <source>The seed's loop at x = {x}: h = 0.0001, print (f(x+h) − f(x))/h, then h *= 0.1</source>
            <translation>笔记中 x = {x} 处的循环：h = 0.0001，打印 (f(x+h) − f(x))/h，然后 h *= 0.1</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="134" />
            <source>Exact derivative f′({x}) = {exact} — the quotients should approach it, until round-off takes over for tiny h</source>
            <translation>精确导数 f′({x}) = {exact}——差商应当逼近它，直到 h 很小时舍入误差占上风</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="141" />
            <source>f′({x}) does not exist: the quotients need not settle</source>
            <translation>f′({x}) 不存在：差商不一定收敛</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="169" />
            <source>step h</source>
            <translation>步长 h</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="173" />
            <source>Log-log plot of the quotients' error against h</source>
            <translation>差商误差随 h 变化的双对数图</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="174" />
            <source>Forward (O(h)) and central (O(h²)) difference errors; a star marks the best h</source>
            <translation>前向差分（O(h)）与中心差分（O(h²)）的误差；星号标出最佳 h</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="181" />
            <source>Precision</source>
            <translation>精度</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="183" />
            <source>Compute f and the quotients in float64 or float32: round-off starts much earlier in float32</source>
            <translation>用 float64 或 float32 计算 f 和差商：float32 的舍入误差出现得早得多</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="197" />
            <source>Precision:</source>
            <translation>精度：</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="217" />
            <source>f′({x}) does not exist: no error to plot</source>
            <translation>f′({x}) 不存在：没有误差可画</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="250" />
            <source>O(h) slope</source>
            <translation>O(h) 斜率</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="250" />
            <source>O(h²) slope</source>
            <translation>O(h²) 斜率</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="270" />
            <source>Forward</source>
            <translation>前向差分</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="270" />
            <source>Central</source>
            <translation>中心差分</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="279" />
            <source>forward</source>
            <translation>前向</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="288" />
            <source>central</source>
            <translation>中心</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="299" />
            <source>The {name} difference is exact for this f (error at round-off level for every h).</source>
            <translation>对这个 f，{name}差分是精确的（每个 h 的误差都只在舍入误差量级）。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="308" />
            <source>{Name}: best h {best} (theory {symbol} ≈ {theory}), fitted slope {slope} (error ∝ {order}, until round-off ∝ ε/h takes over on the left).</source>
            <translation>{Name}：最佳 h {best}（理论值 {symbol} ≈ {theory}），拟合斜率 {slope}（误差 ∝ {order}，直到左侧舍入误差 ∝ ε/h 占上风）。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/limits.py" line="313" />
            <source>{Name}: best h {best} (theory {symbol} ≈ {theory}), fitted slope {slope} (error ∝ {order}).</source>
            <translation>{Name}：最佳 h {best}（理论值 {symbol} ≈ {theory}），拟合斜率 {slope}（误差 ∝ {order}）。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="88" />
            <source>Plot of f(x), its derivative and the tangent at x₀</source>
            <translation>f(x)、它的导数及 x₀ 处切线的图像</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="103" />
            <source>f, f′ and the tangent</source>
            <translation>f、f′ 与切线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="104" />
            <source>h → 0 table</source>
            <translation>h → 0 表</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="105" />
            <source>Error vs h</source>
            <translation>误差与 h</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="117" />
            <source>Derived step by step (see Show steps)</source>
            <translation>逐步推导得到（见“显示步骤”）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="118" />
            <source>as derived by the rules</source>
            <translation>按求导法则推导</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="127" />
            <source>Derived step by step from f′</source>
            <translation>由 f′ 逐步推导得到</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="172" />
            <source>f, f′ and the tangent at x₀</source>
            <translation>f、f′ 与 x₀ 处的切线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/panel.py" line="377" />
            <source>No real values here</source>
            <translation>这里没有实数值</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="69" />
            <source>Three derivatives</source>
            <translation>三种导数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="83" />
            <source>Derivative</source>
            <translation>导数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="94" />
            <source>Also plot f″</source>
            <translation>同时绘制 f″</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="109" />
            <source>Tangent at x₀ (drag the point on the curve)</source>
            <translation>x₀ 处的切线（拖动曲线上的点）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="112" />
            <source>Tangent point x₀</source>
            <translation>切点 x₀</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="116" />
            <source>The point x₀ where the tangent touches f: a number or e.g. pi/2, 1e-3, -2pi</source>
            <translation>切线与 f 相切的点 x₀：一个数，或如 pi/2、1e-3、-2pi</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="138" />
            <source>Cannot read x₀: {problem} (x₀ stays as it was)</source>
            <translation>无法读取 x₀：{problem}（x₀ 保持不变）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="148" />
            <source>Secant → tangent</source>
            <translation>割线 → 切线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="149" />
            <source>Show the secant through x₀ and x₀ + h</source>
            <translation>显示经过 x₀ 与 x₀ + h 的割线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="161" />
            <source>Linear approximation f(x₀+ε) ≈ f(x₀) + ε·f′(x₀)</source>
            <translation>线性近似 f(x₀+ε) ≈ f(x₀) + ε·f′(x₀)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="162" />
            <source>Shade where |f(x) − L(x)| ≤</source>
            <translation>为 |f(x) − L(x)| ≤ 的区域着色：</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="163" />
            <source>Shade where |f(x) − L(x)| ≤ ε</source>
            <translation>为 |f(x) − L(x)| ≤ ε 的区域着色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="169" />
            <source>Tolerance ε of the linear approximation</source>
            <translation>线性近似的容差 ε</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="170" />
            <source>The band is shaded where f differs from the tangent line by at most ε</source>
            <translation>在 f 与切线相差不超过 ε 的地方着色成带</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="191" />
            <source>Tangent: {equation}</source>
            <translation>切线：{equation}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="193" />
            <source>slope f′({x}) = {slope},  f({x}) = {y};  {point_slope}</source>
            <translation>斜率 f′({x}) = {slope}，  f({x}) = {y}；  {point_slope}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="202" />
            <source>f is not defined at x₀ = {x}</source>
            <translation>f 在 x₀ = {x} 处无定义</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="204" />
            <source>{reason}, so there is no tangent there</source>
            <translation>{reason}，所以那里没有切线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="210" />
            <source>Not differentiable at x₀ = {x}</source>
            <translation>在 x₀ = {x} 处不可导</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="216" />
            <source>f′({x}): none of the three exists (f is not defined)</source>
            <translation>f′({x})：三者都不存在（f 无定义）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="220" />
            <source>f′({x}): symbolic {symbolic} · reverse mode {reverse} · central difference {central}</source>
            <translation>f′({x})：符号 {symbolic} · 反向模式 {reverse} · 中心差分 {central}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="240" />
            <source>The three derivatives do not all agree:</source>
            <translation>三种导数并不完全一致：</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="258" />
            <source>Everywhere else symbolic, reverse-mode and central-difference f′ agree.</source>
            <translation>其余各处，符号、反向模式和中心差分得到的 f′ 一致。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="269" />
            <source>✓ Symbolic, reverse-mode and central-difference f′ agree at all {total} points in view.</source>
            <translation>✓ 视图中全部 {total} 个点上，符号、反向模式和中心差分得到的 f′ 一致。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="276" />
            <source>✓ Symbolic, reverse-mode and central-difference f′ agree wherever f′ exists ({checked} of {total} points in view).</source>
            <translation>✓ 在 f′ 存在的地方（视图中 {total} 个点中的 {checked} 个），符号、反向模式和中心差分得到的 f′ 一致。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="296" />
            <source>No secant: {reason}</source>
            <translation>没有割线：{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="299" />
            <source>secant slope (f(x₀+h) − f(x₀))/h = {slope}</source>
            <translation>割线斜率 (f(x₀+h) − f(x₀))/h = {slope}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="301" />
            <source>Secant {note}</source>
            <translation>割线{note}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="306" />
            <source>→ f′(x₀) = {slope}  (off by {gap})</source>
            <translation>→ f′(x₀) = {slope}  （相差 {gap}）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="316" />
            <source>No tangent at x₀, so no linear approximation.</source>
            <translation>x₀ 处没有切线，所以没有线性近似。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="318" />
            <source>f leaves the band right next to x₀ in this view.</source>
            <translation>在此视图中，f 紧挨着 x₀ 就离开了误差带。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="324" />
            <source>|f − L| ≤ {epsilon} for x in [{low}, {high}]: within ±{half} of x₀</source>
            <translation>x 在 [{low}, {high}] 内时 |f − L| ≤ {epsilon}：即 x₀ 左右 ±{half} 以内</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="342" />
            <source>… and {count}</source>
            <translation>……还有 {count}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="346" />
            <source>more place</source>
            <translation>处</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="346" />
            <source>more places</source>
            <translation>处</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="347" />
            <source>more kink</source>
            <translation>个尖点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="347" />
            <source>more kinks</source>
            <translation>个尖点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="349" />
            <source>more point where f′ is undefined</source>
            <translation>个 f′ 无定义的点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/derivative/side_column.py" line="350" />
            <source>more points where f′ is undefined</source>
            <translation>个 f′ 无定义的点</translation>
        </message>
    </context>
    <context>
        <name>DescentPanel</name>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="39" />
            <source>learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="40" />
            <source>momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="41" />
            <source>first-moment decay</source>
            <translation>一阶矩衰减</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="42" />
            <source>second-moment decay</source>
            <translation>二阶矩衰减</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="43" />
            <source>smoothing constant</source>
            <translation>平滑常数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="44" />
            <source>epsilon</source>
            <translation>epsilon</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="45" />
            <source>weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="126" />
            <source>Race {optimizer}</source>
            <translation>让 {optimizer} 参加竞赛</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="138" />
            <source>{optimizer} {setting} {symbol}</source>
            <translation>{optimizer} 的{setting} {symbol}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="147" />
            <source>Learning rate η (log scale)</source>
            <translation>学习率 η（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="205" />
            <source>◀ Back</source>
            <translation>◀ 后退</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="207" />
            <source>Back one step</source>
            <translation>后退一步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="208" />
            <location filename="../../ui/panels/descent_controls.py" line="275" />
            <source>▶ Play</source>
            <translation>▶ 播放</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="209" />
            <source>Step back</source>
            <translation>后退一步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="212" />
            <source>Step ▶</source>
            <translation>单步 ▶</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="215" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="216" />
            <source>Play the race step by step; press again to pause</source>
            <translation>逐步播放竞赛；再按一次暂停</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="219" />
            <source>One step forward</source>
            <translation>前进一步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="220" />
            <source>Step forward</source>
            <translation>前进一步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="223" />
            <source>Drag to any step</source>
            <translation>拖到任意一步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="226" />
            <source>Step shown</source>
            <translation>显示的步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="227" />
            <source>Drag, or use the arrow keys, to go to any step</source>
            <translation>拖动或用方向键跳到任意一步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="234" />
            <source>Steps per second while playing</source>
            <translation>播放时每秒的步数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="235" />
            <source>Playing speed</source>
            <translation>播放速度</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="238" />
            <source>{speed} steps/s</source>
            <translation>{speed} 步/秒</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="263" />
            <source>step {frame} / {last}</source>
            <translation>第 {frame} / {last} 步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="275" />
            <source>❚❚ Pause</source>
            <translation>❚❚ 暂停</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="288" />
            <location filename="../../ui/panels/descent_panel.py" line="763" />
            <source>Save the race as a GIF</source>
            <translation>把竞赛保存为 GIF</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="293" />
            <source>Frames spread evenly over the race's steps</source>
            <translation>帧均匀分布在竞赛的各步之间</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="305" />
            <source>Frames</source>
            <translation>帧数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="306" />
            <source>Frames per second</source>
            <translation>每秒帧数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="307" />
            <source>Width (px)</source>
            <translation>宽度（像素）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_controls.py" line="308" />
            <source>Height (px)</source>
            <translation>高度（像素）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="69" />
            <source>Your own f</source>
            <translation>自定义 f</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="71" />
            <source>That is a sign error: a step along +∇f goes uphill, to the mirror image.</source>
            <translation>这是符号错误：沿 +∇f 走是上坡，会落到镜像位置。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="72" />
            <source>The learning rate overshoots: the step jumps past the minimum, not short of it.</source>
            <translation>学习率过大：这一步越过了最小值，而不是停在它之前。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="76" />
            <source>End point</source>
            <translation>终点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="76" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="143" />
            <source>Preset race</source>
            <translation>预设竞赛</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="146" />
            <source>f of x, or of x and y, e.g. x^2 + 2y^2</source>
            <translation>关于 x 或 x、y 的 f，例如 x^2 + 2y^2</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="147" />
            <source>Function f to minimise</source>
            <translation>要最小化的函数 f</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="151" />
            <source>The start: x, or x, y (numbers or e.g. -pi/2)</source>
            <translation>起点：x，或 x, y（数，或如 -pi/2）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="152" />
            <source>Start point</source>
            <translation>起点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="156" />
            <location filename="../../ui/panels/descent_panel.py" line="739" />
            <source>Copy as PyTorch code</source>
            <translation>复制为 PyTorch 代码</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="159" />
            <source>Number of steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="160" />
            <source>How many steps every optimizer takes</source>
            <translation>每个优化器走多少步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="163" />
            <source>A runnable script for real PyTorch that reproduces this race</source>
            <translation>一个可在真实 PyTorch 中运行、复现这场竞赛的脚本</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="164" />
            <location filename="../../ui/panels/descent_panel.py" line="740" />
            <source>Save GIF…</source>
            <translation>保存 GIF…</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="166" />
            <source>Save the race as an animated GIF (frames, speed and size)</source>
            <translation>把竞赛保存为 GIF 动画（帧数、速度和尺寸）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="176" />
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="177" />
            <location filename="../../ui/panels/descent_panel.py" line="411" />
            <source>start</source>
            <translation>起点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="178" />
            <source>steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="233" />
            <source>Race results</source>
            <translation>竞赛结果</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="234" />
            <source>For each optimizer: where it ended, f there, the steps it took and its status</source>
            <translation>每个优化器的终点、终点处的 f、所走步数及状态</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="253" />
            <source>Whose step to explain</source>
            <translation>解释哪个优化器的这一步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="254" />
            <source>Optimizer whose step is explained</source>
            <translation>被解释这一步的优化器</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="271" />
            <source>Explain the step of</source>
            <translation>解释这一步：</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="419" />
            <source>start: f({names}) needs {count} number(s): {names}</source>
            <translation>起点：f({names}) 需要 {count} 个数：{names}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="456" />
            <source>Predict the next point</source>
            <translation>预测下一个点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="458" />
            <source>Before stepping: click (or drag) where the explained racer's next step will land</source>
            <translation>走下一步之前：点击（或拖动到）所解释的优化器下一步将落到的位置</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="462" />
            <source>Reveal</source>
            <translation>揭晓</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="483" />
            <source>Click where the next step of {racer} will land, then Reveal.</source>
            <translation>点击 {racer} 下一步将落到的位置，然后按“揭晓”。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="520" />
            <source>✓ Right: the step lands at {point}.</source>
            <translation>✓ 正确：这一步落在 {point}。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="522" />
            <source>✗ The step lands at {point}; yours is {distance} away.</source>
            <translation>✗ 这一步落在 {point}；你的预测相差 {distance}。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="628" />
            <source>step {frame}</source>
            <translation>第 {frame} 步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="629" />
            <source>arrows: −∇f</source>
            <translation>箭头：−∇f</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="651" />
            <source>‖∇f‖ = {norm} here</source>
            <translation>此处 ‖∇f‖ = {norm}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="655" />
            <source>{racer}: {status}</source>
            <translation>{racer}：{status}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="677" />
            <source>Switch on an optimizer to race.</source>
            <translation>打开一个优化器来参加竞赛。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="683" />
            <source>{optimizer}: start θ₀ = {start}, f = {f}. Press Step or Play.</source>
            <translation>{optimizer}：起点 θ₀ = {start}，f = {f}。请按“单步”或“播放”。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="709" />
            <source>Steps until ‖∇f‖ ≤ the tolerance (— : not reached)</source>
            <translation>直到 ‖∇f‖ ≤ 容差所需的步数（—：未达到）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="744" />
            <source>Copied ✓</source>
            <translation>已复制 ✓</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="770" />
            <source>GIF not saved: {error}</source>
            <translation>GIF 未保存：{error}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="773" />
            <source>Saved ✓</source>
            <translation>已保存 ✓</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_panel.py" line="774" />
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="112" />
            <source>step</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="112" />
            <source>f (log scale)</source>
            <translation>f（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="115" />
            <source>Plot of the loss f against the step, one curve per optimizer</source>
            <translation>损失 f 随步数变化的图，每个优化器一条曲线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="116" />
            <source>A dashed line marks the step shown</source>
            <translation>虚线标出当前显示的步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="182" />
            <source>Plot of f(x) with each optimizer's point and step</source>
            <translation>f(x) 的图像，含每个优化器的点和步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="183" />
            <source>Each optimizer's point, the tangent there and the step it promises</source>
            <translation>每个优化器的点、该点的切线及它将迈出的一步</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="305" />
            <source>Contour map of f(x, y) with each optimizer's path</source>
            <translation>f(x, y) 的等高线图，含每个优化器的路径</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="306" />
            <source>The start is the white point</source>
            <translation>起点是白色的点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="313" />
            <source>The start: drag it, or click the map</source>
            <translation>起点：拖动它，或点击地图</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="314" />
            <source>the start</source>
            <translation>起点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="340" />
            <source>Your prediction: drag it</source>
            <translation>你的预测：拖动它</translation>
        </message>
        <message>
            <location filename="../../ui/panels/descent_views.py" line="341" />
            <source>your prediction</source>
            <translation>你的预测</translation>
        </message>
    </context>
    <context>
        <name>ErrorReporter</name>
        <message>
            <location filename="../../ui/error_reporting.py" line="73" />
            <source>Internal error: {summary} (details in the log)</source>
            <translation>内部错误：{summary}（详情见日志）</translation>
        </message>
        <message>
            <location filename="../../ui/error_reporting.py" line="79" />
            <source>Calculus Explorer: internal error</source>
            <translation>Calculus Explorer：内部错误</translation>
        </message>
        <message>
            <location filename="../../ui/error_reporting.py" line="83" />
            <source>Something went wrong inside Calculus Explorer. Your work is still open; you can keep going.</source>
            <translation>Calculus Explorer 内部出了问题。你的工作仍然打开着，可以继续使用。</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../ui/export_dialog.py" line="27" />
            <source>PNG image</source>
            <translation>PNG 图片</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="27" />
            <source>SVG vector drawing</source>
            <translation>SVG 矢量图</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="35" />
            <location filename="../../ui/export_dialog.py" line="108" />
            <source>Export Image</source>
            <translation>导出图片</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="46" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="59" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="60" />
            <source>Width (pixels)</source>
            <translation>宽度（像素）</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="61" />
            <source>Height (pixels)</source>
            <translation>高度（像素）</translation>
        </message>
        <message>
            <location filename="../../ui/export_dialog.py" line="62" />
            <source>File</source>
            <translation>文件</translation>
        </message>
    </context>
    <context>
        <name>ExpressionInput</name>
        <message>
            <location filename="../../ui/expression_input.py" line="41" />
            <source>see the syntax list</source>
            <translation>查看语法列表</translation>
        </message>
        <message>
            <location filename="../../ui/expression_input.py" line="54" />
            <source>{message} (column {column})</source>
            <translation>{message}（第 {column} 列）</translation>
        </message>
        <message>
            <location filename="../../ui/expression_input.py" line="135" />
            <source>Plotting y = </source>
            <translation>正在绘制 y = </translation>
        </message>
        <message>
            <location filename="../../ui/expression_input.py" line="143" />
            <source>Type an expression in x, e.g. x^3 - 1/x</source>
            <translation>输入关于 x 的表达式，例如 x^3 - 1/x</translation>
        </message>
        <message>
            <location filename="../../ui/expression_input.py" line="145" />
            <source>Operators + - * / ^, functions like sin(x), exp(x), log(x), |x|; constants pi, e</source>
            <translation>运算符 + - * / ^，函数如 sin(x)、exp(x)、log(x)、|x|；常数 pi、e</translation>
        </message>
    </context>
    <context>
        <name>FieldView</name>
        <message>
            <location filename="../../ui/field_view.py" line="219" />
            <source>f has no real values here</source>
            <translation>f 在这里没有实数值</translation>
        </message>
    </context>
    <context>
        <name>FunctionPanel</name>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="69" />
            <source>No shading</source>
            <translation>不着色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="70" />
            <source>Shade where f rises / falls (f′)</source>
            <translation>为 f 的升降区间着色（f′）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="71" />
            <source>Shade where f bends up / down (f″)</source>
            <translation>为 f 的凹凸区间着色（f″）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="111" />
            <source>Plot of f(x) and the other curves</source>
            <translation>f(x) 及其他曲线的图像</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="112" />
            <source>Each curve's name and line style are in the legend; Ctrl+0 resets the view</source>
            <translation>每条曲线的名称和线型见图例；Ctrl+0 重置视图</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="134" />
            <source>The left end of the x-range: a number or e.g. -2pi</source>
            <translation>x 范围的左端：一个数，或如 -2pi</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="135" />
            <source>x-range left end</source>
            <translation>x 范围的左端</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="139" />
            <source>The right end of the x-range: a number or e.g. -2pi</source>
            <translation>x 范围的右端：一个数，或如 -2pi</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="140" />
            <source>x-range right end</source>
            <translation>x 范围的右端</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="154" />
            <source>x from</source>
            <translation>x 从</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="156" />
            <source>to</source>
            <translation>到</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="197" />
            <source>Points of interest</source>
            <translation>特殊点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="199" />
            <source>Mark roots, extrema, inflection points, intercepts, holes, asymptotes and intersections; hover or click a dot for its coordinates</source>
            <translation>标出零点、极值点、拐点、截距、可去间断点、渐近线和交点；悬停或点击圆点可查看坐标</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="207" />
            <source>Shading</source>
            <translation>着色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="207" />
            <source>What to shade under the curves</source>
            <translation>曲线下方要着色的内容</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="216" />
            <source>Trace the curve under the cursor</source>
            <translation>沿曲线追踪光标</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="221" />
            <source>the view, or type a, b</source>
            <translation>当前视图，或输入 a, b</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="222" />
            <source>Where to look for the global minimum and maximum</source>
            <translation>在哪个区间上寻找全局最小值和最大值</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="223" />
            <source>Global extrema interval</source>
            <translation>全局最值的区间</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="243" />
            <source>Global extrema on</source>
            <translation>全局最值区间</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="444" />
            <source>x min</source>
            <translation>x 最小值</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="445" />
            <source>x max</source>
            <translation>x 最大值</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="558" />
            <source>No real values in this range</source>
            <translation>此范围内没有实数值</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="626" />
            <source>&lt;b&gt;{name}&lt;/b&gt; on the view {where}:</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; 在当前视图 {where} 上：</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="628" />
            <source>&lt;b&gt;{name}&lt;/b&gt; on {where}:</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; 在 {where} 上：</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="634" />
            <source>{title} on {where}</source>
            <translation>{title}区间：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="638" />
            <source>rising</source>
            <translation>上升</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="640" />
            <source>falling</source>
            <translation>下降</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="645" />
            <source>concave up</source>
            <translation>上凹</translation>
        </message>
        <message>
            <location filename="../../ui/panels/function_panel/panel.py" line="647" />
            <source>concave down</source>
            <translation>下凹</translation>
        </message>
    </context>
    <context>
        <name>GradientPanel</name>
        <message>
            <location filename="../../ui/panels/gradient_3d.py" line="26" />
            <source>The 3-D view needs PyOpenGL: pip install ".[3d]" (the rest of this panel works without it).</source>
            <translation>三维视图需要 PyOpenGL：pip install ".[3d]"（本面板的其余部分不需要它）。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_3d.py" line="29" />
            <source>The 3-D view needs OpenGL, which this display does not offer.</source>
            <translation>三维视图需要 OpenGL，而当前显示环境不支持。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_map.py" line="37" />
            <source>minimum (∇f = 0)</source>
            <translation>极小值点（∇f = 0）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_map.py" line="38" />
            <source>maximum (∇f = 0)</source>
            <translation>极大值点（∇f = 0）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_map.py" line="39" />
            <source>saddle (∇f = 0)</source>
            <translation>鞍点（∇f = 0）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_map.py" line="40" />
            <source>∇f = 0, test inconclusive</source>
            <translation>∇f = 0，判别法无法判断</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_map.py" line="50" />
            <source>P: drag it (or type it above the map)</source>
            <translation>P：拖动它（或在图上方输入）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_map.py" line="53" />
            <source>The head of u: drag it to turn the direction θ</source>
            <translation>u 的箭头：拖动它以改变方向 θ</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_map.py" line="122" />
            <source>level curve through P (f = f(P))</source>
            <translation>过 P 的等高线（f = f(P)）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_map.py" line="135" />
            <source>P + ε: where the linear approximation is checked</source>
            <translation>P + ε：检验线性近似的位置</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="93" />
            <source>Mapping f(x, y) = </source>
            <translation>正在绘制 f(x, y) = </translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="96" />
            <source>Type f(x, y), e.g. x^2 + 2y^2 or sin(x)*cos(y)</source>
            <translation>输入 f(x, y)，例如 x^2 + 2y^2 或 sin(x)*cos(y)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="100" />
            <source>Examples…</source>
            <translation>示例…</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="104" />
            <source>Load an example function with a starting point and view</source>
            <translation>载入一个示例函数，连同起点和视图</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="105" />
            <source>Example functions</source>
            <translation>示例函数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="108" />
            <source>P = (x, y): numbers or constants, e.g. 0, ln(2)</source>
            <translation>P = (x, y)：数或常数，例如 0, ln(2)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="109" />
            <source>Point P = (x, y)</source>
            <translation>点 P = (x, y)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="122" />
            <source>θ: the direction u = (cos θ, sin θ), in degrees</source>
            <translation>θ：方向 u = (cos θ, sin θ)，单位为度</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="123" />
            <source>Gradient field</source>
            <translation>梯度场</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="124" />
            <source>Direction angle θ of u</source>
            <translation>u 的方向角 θ</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="126" />
            <source>Arrows of ∇f on a grid, coloured by |∇f|</source>
            <translation>网格上 ∇f 的箭头，按 |∇f| 着色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="127" />
            <source>Critical points</source>
            <translation>驻点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="129" />
            <source>Points in view where ∇f = 0, classified by the Hessian</source>
            <translation>视图中 ∇f = 0 的点，按黑塞矩阵分类</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="138" />
            <source>Contour map of f(x, y) with the point P and ∇f(P)</source>
            <translation>f(x, y) 的等高线图，含点 P 与 ∇f(P)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="139" />
            <source>P is the point where ∇f is drawn; u, the head of the direction arrow</source>
            <translation>P 是画出 ∇f 的点；u 是方向箭头的箭头端</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="146" />
            <source>Values from the autodiff core (one reverse-mode pass); the partials' formulas from the steps engine, treating the other variable as a constant</source>
            <translation>数值来自自动微分内核（一次反向模式计算）；偏导数公式来自求导步骤引擎，把另一个变量视为常数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="159" />
            <source>ε = (ε₁, ε₂): the step from P, e.g. 0.01, -0.03</source>
            <translation>ε = (ε₁, ε₂)：从 P 出发的步长，例如 0.01, -0.03</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="160" />
            <source>Step ε = (ε₁, ε₂) from P</source>
            <translation>从 P 出发的位移 ε = (ε₁, ε₂)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="163" />
            <source>Shade |f − L| ≤</source>
            <translation>着色 |f − L| ≤</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="165" />
            <source>Shade the map where the tangent plane L is this close</source>
            <translation>为切平面 L 与 f 足够接近的区域着色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="167" />
            <source>Shade the map where |f − L| is at most the tolerance</source>
            <translation>为 |f − L| 不超过容差的区域着色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="174" />
            <source>Tolerance of the shading</source>
            <translation>着色的容差</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="175" />
            <source>The map is shaded where the tangent plane L is within this of f</source>
            <translation>在切平面 L 与 f 相差不超过此值的地方着色</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="179" />
            <source>L = f(P) + ε·∇f(P), the tangent plane at P, against the true f(P + ε); the difference shrinks like |ε|²</source>
            <translation>L = f(P) + ε·∇f(P)，即 P 处的切平面，与真实的 f(P + ε) 比较；差值按 |ε|² 缩小</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="223" />
            <source>Partials as slices: the other variable held constant</source>
            <translation>偏导数即切片：另一个变量保持不变</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="227" />
            <source>Directional derivative Dᵤ f(P) = ∇f(P)·u = |∇f| cos ∠</source>
            <translation>方向导数 Dᵤ f(P) = ∇f(P)·u = |∇f| cos ∠</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="230" />
            <source>Linear approximation L = f(P) + ε·∇f(P)</source>
            <translation>线性近似 L = f(P) + ε·∇f(P)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="258" />
            <source>Map and point</source>
            <translation>地图与点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="259" />
            <source>Vector rules</source>
            <translation>向量求导法则</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="260" />
            <source>3D surface</source>
            <translation>三维曲面</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="464" />
            <source>tolerance</source>
            <translation>容差</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="600" />
            <source>No critical points (∇f = 0) in view.</source>
            <translation>视图中没有驻点（∇f = 0）。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="606" />
            <source> (the first {count}; zoom in for the rest)</source>
            <translation>（前 {count} 个；放大可看到其余）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="610" />
            <source>Critical points in view: {parts}{more}. ∇f = 0 is necessary, not sufficient: not every such point is the global minimum (hover a marker for its Hessian).</source>
            <translation>视图中的驻点：{parts}{more}。∇f = 0 是必要条件而非充分条件：并非每个这样的点都是全局最小值（把鼠标悬停在标记上可查看其黑塞矩阵）。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="613" />
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="619" />
            <source>minimum</source>
            <translation>个极小值点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="620" />
            <source>maximum</source>
            <translation>个极大值点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="621" />
            <source>saddle</source>
            <translation>个鞍点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="622" />
            <source>inconclusive</source>
            <translation>个无法判断的点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="624" />
            <source>minima</source>
            <translation>个极小值点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="624" />
            <source>maxima</source>
            <translation>个极大值点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_panel.py" line="624" />
            <source>saddles</source>
            <translation>个鞍点</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="152" />
            <source>Slice of f along {variable} through P, with its tangent</source>
            <translation>f 过 P 沿 {variable} 方向的截线及其切线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="153" />
            <source>The slope of the tangent is the partial derivative ∂f/∂{variable} at P</source>
            <translation>切线的斜率就是 P 处的偏导数 ∂f/∂{variable}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="185" />
            <source>f is undefined along this slice</source>
            <translation>f 在这条切片上无定义</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="197" />
            <source>θ (direction of u)</source>
            <translation>θ（u 的方向）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="201" />
            <source>Plot of the directional derivative against the angle θ</source>
            <translation>方向导数随角度 θ 变化的图</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="202" />
            <source>D_u f(P) = ∇f·u for every direction; its maximum is |∇f(P)|</source>
            <translation>每个方向上 D_u f(P) = ∇f·u；其最大值为 |∇f(P)|</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="208" />
            <source>θ, the direction of u: drag it</source>
            <translation>θ，u 的方向：拖动它</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="288" />
            <source>max |∇f|: u along ∇f</source>
            <translation>最大 |∇f|：u 沿 ∇f</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_plots.py" line="288" />
            <source>min −|∇f|: steepest descent</source>
            <translation>最小 −|∇f|：最速下降</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_readout.py" line="59" />
            <source>f is undefined here: drag P into the coloured region</source>
            <translation>f 在这里无定义：把 P 拖到着色区域内</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_readout.py" line="71" />
            <source>P is a critical point, no uphill direction</source>
            <translation>P 是驻点，没有上升方向</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_readout.py" line="73" />
            <source>{pair}  (steepest descent)</source>
            <translation>{pair}  （最速下降方向）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_readout.py" line="84" />
            <source>No linear approximation where f is undefined.</source>
            <translation>f 无定义处没有线性近似。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_readout.py" line="93" />
            <source>seed:</source>
            <translation>笔记：</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_readout.py" line="118" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="31" />
            <source>Rule</source>
            <translation>法则</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="32" />
            <source>Random inputs</source>
            <translation>随机输入</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="33" />
            <source>Autodiff (reverse mode)</source>
            <translation>自动微分（反向模式）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="34" />
            <source>Formula</source>
            <translation>公式</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="35" />
            <source>Largest difference</source>
            <translation>最大差值</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="55" />
            <source>n: the length of x</source>
            <translation>n：x 的长度</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="56" />
            <source>m: the other side of A</source>
            <translation>m：A 的另一维</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="58" />
            <source>The random seed of A, x</source>
            <translation>A、x 的随机种子</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="60" />
            <source>Length n of x</source>
            <translation>x 的长度 n</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="61" />
            <source>Size m of A's other side</source>
            <translation>A 另一维的大小 m</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="62" />
            <source>Random seed of A and x</source>
            <translation>A 和 x 的随机种子</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="63" />
            <source>Each gradient below is taken by reverse mode on the autodiff core (one backward pass per output for a vector-valued function: column j is ∇ of output j) and set beside the seed's formula, for a random A and x.</source>
            <translation>下面每个梯度都由自动微分内核的反向模式求得（对向量值函数，每个输出做一次反向传播：第 j 列是第 j 个输出的 ∇），并与笔记中的公式并列比较，A 和 x 是随机的。</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="73" />
            <source>random seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="83" />
            <source>Table of the vector gradient rules</source>
            <translation>向量梯度法则表</translation>
        </message>
        <message>
            <location filename="../../ui/panels/gradient_rules.py" line="84" />
            <source>Each rule's gradient from reverse mode beside the seed's formula</source>
            <translation>每条法则由反向模式得到的梯度，与笔记中的公式并列</translation>
        </message>
    </context>
    <context>
        <name>GraphPanel</name>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="49" />
            <source>{name} is used {count} times, so {count} edges carry gradient back to it: their contributions add (the multivariate chain rule).</source>
            <translation>{name} 被使用了 {count} 次，所以有 {count} 条边把梯度传回给它：这些贡献相加（多元链式法则）。</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="64" />
            <source>Step {position} of {length}</source>
            <translation>第 {position} 步，共 {length} 步</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="71" />
            <source>Forward mode:</source>
            <translation>前向模式：</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="80" />
            <source>Control flow:</source>
            <translation>控制流：</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="87" />
            <source>Printed:</source>
            <translation>打印输出：</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="89" />
            <source>Expected:</source>
            <translation>预期：</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="104" />
            <source>Line {line}, column {column}: {message}</source>
            <translation>第 {line} 行第 {column} 列：{message}</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="111" />
            <source>Line {line}: {message}</source>
            <translation>第 {line} 行：{message}</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="113" />
            <source>Column {column}: {message}</source>
            <translation>第 {column} 列：{message}</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="118" />
            <source>not started</source>
            <translation>尚未开始</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="119" />
            <source>finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="120" />
            <source>forward</source>
            <translation>前向传播</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/explanation.py" line="121" />
            <source>backward</source>
            <translation>反向传播</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/inputs.py" line="96" />
            <source>A number, a constant such as log(2), or a vector: 0, 1, 2, 3</source>
            <translation>一个数、如 log(2) 的常数，或一个向量：0, 1, 2, 3</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/inputs.py" line="98" />
            <source>requires_grad</source>
            <translation>requires_grad</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/inputs.py" line="100" />
            <source>Value of {name}</source>
            <translation>{name} 的值</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/inputs.py" line="101" />
            <source>{name} requires grad</source>
            <translation>{name} 需要梯度（requires_grad）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/inputs.py" line="123" />
            <source>torch.manual_seed before the run: changes torch.randn values</source>
            <translation>运行前的 torch.manual_seed：会改变 torch.randn 的值</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/inputs.py" line="125" />
            <source>seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/inputs.py" line="151" />
            <source>Inputs made by the program: {inputs}</source>
            <translation>程序创建的输入：{inputs}</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/items.py" line="170" />
            <source>value  {value}</source>
            <translation>值  {value}</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/items.py" line="170" />
            <source>value  not yet</source>
            <translation>值  尚未计算</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="60" />
            <source>Example programs</source>
            <translation>示例程序</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="67" />
            <source>Custom program</source>
            <translation>自定义程序</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="80" />
            <source>Expression / definitions</source>
            <translation>表达式 / 定义</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="81" />
            <source>Python (PyTorch-style)</source>
            <translation>Python（PyTorch 风格）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="82" />
            <source>Program language</source>
            <translation>程序语言</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="96" />
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="97" />
            <source>Mode</source>
            <translation>模式</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="98" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="148" />
            <source>Forward mode: tangents from</source>
            <translation>前向模式：切向量来自</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_controls.py" line="152" />
            <source>Input the forward-mode tangents start from</source>
            <translation>前向模式切向量的起始输入</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_runner.py" line="24" />
            <source>Stopped: the program was ended before it finished.</source>
            <translation>已停止：程序在完成前被终止。</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_runner.py" line="39" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_runner.py" line="41" />
            <source>End the running program (the last graph stays)</source>
            <translation>终止正在运行的程序（保留上一个计算图）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/program_runner.py" line="71" />
            <source>Running the program… (stopped after {seconds} s)</source>
            <translation>正在运行程序…（{seconds} 秒后停止）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="32" />
            <source>In Python mode write requires_grad=, .detach() and backward() in the program.</source>
            <translation>在 Python 模式下，请在程序里写 requires_grad=、.detach() 和 backward()。</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="48" />
            <source>PyTorch sandbox</source>
            <translation>PyTorch 沙盒</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="54" />
            <source>detach():</source>
            <translation>detach()：</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="56" />
            <source>Backward again (no zero_)</source>
            <translation>再次反向传播（不调用 zero_）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="59" />
            <source>Backward after free</source>
            <translation>释放后再反向传播</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="62" />
            <source>Non-scalar backward</source>
            <translation>非标量反向传播</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="101" />
            <source>Detach {name}</source>
            <translation>分离 {name}（detach）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="103" />
            <source>Later lines use {name}.detach(): no gradient flows back through it</source>
            <translation>后面的行使用 {name}.detach()：梯度不会经由它回传</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="172" />
            <source>f.backward() a second time, without retain_graph=True:</source>
            <translation>第二次调用 f.backward()，且没有 retain_graph=True：</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/sandbox_controls.py" line="186" />
            <source>; type several values for an input, e.g. 0, 1, 2, 3</source>
            <translation>；请为某个输入填写多个值，例如 0, 1, 2, 3</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/source_editor.py" line="24" />
            <source>Program</source>
            <translation>程序</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/source_editor.py" line="25" />
            <source>Definitions, one a line, or a PyTorch-style Python program; Tab indents, Ctrl+Tab and Ctrl+Shift+Tab move to the next or previous control</source>
            <translation>定义（每行一个），或 PyTorch 风格的 Python 程序；Tab 缩进，Ctrl+Tab 和 Ctrl+Shift+Tab 移到下一个或上一个控件</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="42" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="42" />
            <source>Back to the start (Home)</source>
            <translation>回到起点（Home）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="45" />
            <source>Back one step</source>
            <translation>后退一步</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="48" />
            <source>One step back (←)</source>
            <translation>后退一步（←）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="51" />
            <source>Step forward</source>
            <translation>前向一步</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="54" />
            <source>Evaluate the next node (Space or →)</source>
            <translation>计算下一个节点（空格或 →）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="57" />
            <source>Step backward</source>
            <translation>反向一步</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="60" />
            <source>Next chain-rule step</source>
            <translation>下一步链式法则</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="63" />
            <source>Run all</source>
            <translation>全部运行</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="63" />
            <source>Both passes (End)</source>
            <translation>前向与反向两遍（End）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="66" />
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="66" />
            <source>Fit the graph to view</source>
            <translation>让计算图适应视图</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="70" />
            <source>Scrub through the steps</source>
            <translation>拖动浏览各步</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="73" />
            <source>Step timeline</source>
            <translation>步骤时间线</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="74" />
            <source>Which step of the forward and backward passes is shown; the arrow keys move one step</source>
            <translation>显示前向与反向传播中的哪一步；方向键每次移动一步</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/step_bar.py" line="94" />
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="30" />
            <source>Step forward (the graph focused)</source>
            <translation>前向一步（计算图获得焦点时）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="31" />
            <source>Back one step (the graph focused)</source>
            <translation>后退一步（计算图获得焦点时）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="32" />
            <source>Back to the start (the graph focused)</source>
            <translation>回到起点（计算图获得焦点时）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="33" />
            <source>Run all steps (the graph focused)</source>
            <translation>运行全部步骤（计算图获得焦点时）</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="55" />
            <source>Computational graph</source>
            <translation>计算图</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="56" />
            <source>One card per value; Space or → evaluates the next step, ← goes back, Home resets, End runs both passes</source>
            <translation>每个值一张卡片；空格或 → 计算下一步，← 后退，Home 重置，End 运行前向与反向两遍</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="80" />
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="82" />
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="84" />
            <source>Fit graph to view</source>
            <translation>计算图适应视图</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view.py" line="109" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view_choice.py" line="21" />
            <source>Every operation: one card per +, ·, ^, function, as the autodiff core records them.
Named steps only: the inputs and your named definitions; each edge carries the single-step partial ∂definition/∂name, as the seed's chain-rule example draws it.</source>
            <translation>每个运算：每个 +、·、^、函数各一张卡片，与自动微分内核记录的一致。
仅命名步骤：输入和你命名的定义；每条边上是单步偏导数 ∂定义/∂名称，与笔记中链式法则例子的画法一致。</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view_choice.py" line="26" />
            <source>Python programs are traced operation by operation on the autodiff core: there are no named definitions to group them into, so only every operation can be shown.</source>
            <translation>Python 程序在自动微分内核上逐个运算地追踪：没有可以把它们归组的命名定义，所以只能显示每个运算。</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view_choice.py" line="42" />
            <source>named steps only</source>
            <translation>仅命名步骤</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view_choice.py" line="43" />
            <source>every operation</source>
            <translation>每个运算</translation>
        </message>
        <message>
            <location filename="../../ui/graph_view/view_choice.py" line="45" />
            <source>Cards drawn</source>
            <translation>显示的卡片</translation>
        </message>
        <message>
            <location filename="../../ui/panels/graph_panel.py" line="129" />
            <source>Explanation of the current step</source>
            <translation>当前步骤的解释</translation>
        </message>
        <message>
            <location filename="../../ui/panels/graph_panel.py" line="138" />
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../ui/panels/graph_panel.py" line="371" />
            <source>(The graph shows the last program that built.)</source>
            <translation>（计算图显示的是上一次成功构建的程序。）</translation>
        </message>
    </context>
    <context>
        <name>IntegralPanel</name>
        <message>
            <location filename="../../ui/panels/integral_items.py" line="36" />
            <source>tangent to F at x₀ (slope f(x₀))</source>
            <translation>F 在 x₀ 处的切线（斜率 f(x₀)）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_items.py" line="85" />
            <source>Drag to move the bound {name}</source>
            <translation>拖动以移动积分限 {name}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_items.py" line="129" />
            <source>Drag along F to move x₀: the tangent to F has slope f(x₀)</source>
            <translation>沿 F 拖动以移动 x₀：F 的切线斜率为 f(x₀)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="128" />
            <source>Plot of f(x), the area from a to b and the Riemann sum</source>
            <translation>f(x)、从 a 到 b 的面积及黎曼和的图像</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="139" />
            <source>Area, sums and F(x)</source>
            <translation>面积、黎曼和与 F(x)</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="140" />
            <source>n doubling table</source>
            <translation>n 倍增表</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="141" />
            <source>Error vs n</source>
            <translation>误差与 n</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="230" />
            <source>f, the area from a to b, the Riemann sum, and F with its tangent at x₀</source>
            <translation>f、从 a 到 b 的面积、黎曼和，以及 F 和它在 x₀ 处的切线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="437" />
            <source>No real values here</source>
            <translation>这里没有实数值</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="484" />
            <source> — the integral has no value, so the sums approach nothing meaningful</source>
            <translation>——该积分没有值，所以这些和不会趋近任何有意义的数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="502" />
            <source>F(x) = ∫ f(t) dt from {anchor} (a = {a}: F + C)</source>
            <translation>F(x) = 从 {anchor} 起的 ∫ f(t) dt（a = {a}：F + C）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="627" />
            <source>working…</source>
            <translation>计算中…</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="627" />
            <source>not computed</source>
            <translation>未计算</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="629" />
            <source>Exact (sympy): {value}</source>
            <translation>精确值（sympy）：{value}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="632" />
            <source>Numeric (mpmath): {value}</source>
            <translation>数值（mpmath）：{value}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="644" />
            <source>Antiderivative: sympy found none</source>
            <translation>原函数：sympy 没有找到</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="646" />
            <source>Antiderivative (sympy): {value}</source>
            <translation>原函数（sympy）：{value}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="696" />
            <source>{rule} for n = 1, 2, 4, …, printed like the derivative lab's h table</source>
            <translation>n = 1, 2, 4, … 时的{rule}，按导数页 h 表的格式打印</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="699" />
            <source> (errors once a reference value is known)</source>
            <translation>（有了参考值后才显示误差）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="733" />
            <source>slope of F at {x} (central difference, h = {h}): {slope}</source>
            <translation>F 在 {x} 处的斜率（中心差分，h = {h}）：{slope}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="742" />
            <source>d/dx of the antiderivative's formula at {x} (derivative lab): {slope}</source>
            <translation>原函数公式在 {x} 处的 d/dx（导数页）：{slope}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="750" />
            <source>tangent to F: {tangent}</source>
            <translation>F 的切线：{tangent}</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="754" />
            <source>F′(x₀) = f(x₀) ✓ (the fundamental theorem)</source>
            <translation>F′(x₀) = f(x₀) ✓（微积分基本定理）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_panel.py" line="758" />
            <source>F′(x₀) ≠ f(x₀) here (f is not continuous at x₀, or F does not exist there)</source>
            <translation>此处 F′(x₀) ≠ f(x₀)（f 在 x₀ 处不连续，或 F 在那里不存在）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="66" />
            <source>Number of subintervals n (log scale, 1 … 10 000)</source>
            <translation>子区间数 n（对数刻度，1 … 10 000）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="67" />
            <source>Number of subintervals n</source>
            <translation>子区间数 n</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="113" />
            <source>Definite integral (drag a and b on the plot)</source>
            <translation>定积分（在图上拖动 a 和 b）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="121" />
            <source>The lower bound: a number, an expression such as pi/2, or inf/-inf</source>
            <translation>积分下限：一个数、如 pi/2 的表达式，或 inf/-inf</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="125" />
            <source>The upper bound: a number, an expression such as pi/2, or inf/-inf</source>
            <translation>积分上限：一个数、如 pi/2 的表达式，或 inf/-inf</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="130" />
            <source>Lower bound a</source>
            <translation>积分下限 a</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="131" />
            <source>Upper bound b</source>
            <translation>积分上限 b</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="163" />
            <source>Riemann sum</source>
            <translation>黎曼和</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="164" />
            <source>Draw the shapes</source>
            <translation>画出矩形/梯形</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="171" />
            <source>Riemann sum rule</source>
            <translation>黎曼和规则</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="175" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="184" />
            <source>Accumulation F(x) = ∫ₐˣ f(t) dt</source>
            <translation>累积函数 F(x) = ∫ₐˣ f(t) dt</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="185" />
            <source>Draw F(x) and its tangent at x₀</source>
            <translation>画出 F(x) 及其在 x₀ 处的切线</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="192" />
            <source>Where to check F′(x₀) = f(x₀): a number or e.g. pi/4</source>
            <translation>在哪里检验 F′(x₀) = f(x₀)：一个数，或如 pi/4</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_side.py" line="193" />
            <source>Point x₀ of the accumulation's tangent</source>
            <translation>累积函数切线的切点 x₀</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_views.py" line="41" />
            <source>Table of Riemann sums as n doubles</source>
            <translation>n 倍增时的黎曼和表</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_views.py" line="42" />
            <source>The sum and its error for n = 1, 2, 4, … subintervals</source>
            <translation>n = 1, 2, 4, … 个子区间时的和及其误差</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_views.py" line="74" />
            <source>Log-log plot of each rule's error against n</source>
            <translation>各规则误差随 n 变化的双对数图</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_views.py" line="75" />
            <source>The error of every Riemann rule as the number of subintervals grows, with fitted slopes and the round-off floor</source>
            <translation>子区间数增大时每种黎曼规则的误差，附拟合斜率和舍入误差下限</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_views.py" line="99" />
            <source>No reference value to measure errors against</source>
            <translation>没有可用来衡量误差的参考值</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_views.py" line="108" />
            <source> (exact)</source>
            <translation>（精确）</translation>
        </message>
        <message>
            <location filename="../../ui/panels/integral_views.py" line="132" />
            <source>round-off level</source>
            <translation>舍入误差水平</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <location filename="../../ui/i18n.py" line="487" />
            <source>&amp;Language</source>
            <translation>语言(&amp;G)</translation>
        </message>
    </context>
    <context>
        <name>LessonsDock</name>
        <message>
            <location filename="../../ui/lessons_pane.py" line="96" />
            <location filename="../../ui/lessons_pane.py" line="124" />
            <source>Lessons</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="102" />
            <source>Lesson text</source>
            <translation>课程正文</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="125" />
            <source>&amp;Lessons</source>
            <translation>课程(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="223" />
            <source>This app has no {tab} tab.</source>
            <translation>本应用没有“{tab}”页。</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="266" />
            <source>the notes</source>
            <translation>笔记</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="266" />
            <source>the lesson</source>
            <translation>本课</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="269" />
            <source>Check: {label}</source>
            <translation>核对：{label}</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="271" />
            <location filename="../../ui/lessons_pane.py" line="276" />
            <source>{who}: {lines}</source>
            <translation>{who}：{lines}</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="273" />
            <source>computing in the background…</source>
            <translation>正在后台计算…</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="276" />
            <source>this app</source>
            <translation>本应用</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="233" />
            <source>f(x) is not used on the {tab} tab, which has its own input</source>
            <translation>“{tab}”页不使用 f(x)，它有自己的输入框</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="235" />
            <source>; f(x) drives the {tab} tab</source>
            <translation>；f(x) 用于“{tab}”页</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="237" />
            <source>; f(x) drives the {tabs} tabs</source>
            <translation>；f(x) 用于{tabs}页</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="261" />
            <source>&amp;Export Image…</source>
            <translation>导出图片(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="263" />
            <source>&amp;Copy Image</source>
            <translation>复制图片(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="264" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="268" />
            <source>Edit &amp;Expression</source>
            <translation>编辑表达式(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="271" />
            <source>&amp;Full Screen</source>
            <translation>全屏(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="274" />
            <source>&amp;About Calculus Explorer</source>
            <translation>关于 Calculus Explorer(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="277" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="280" />
            <source>Expression &amp;Syntax</source>
            <translation>表达式语法(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="288" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="294" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="298" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="337" />
            <source>There is no panel to export</source>
            <translation>没有可导出的面板</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="346" />
            <source>Exported {path} ({width}×{height})</source>
            <translation>已导出 {path}（{width}×{height}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="362" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="379" />
            <source>Copied the plot to the clipboard ({width}×{height})</source>
            <translation>已将图像复制到剪贴板（{width}×{height}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="392" />
            <source>About {app}</source>
            <translation>关于 {app}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="394" />
            <source>Explore the calculus behind deep learning: derivatives and the limit h→0, tangent lines and the rules step by step, the chain rule, and backpropagation stepped through a computational graph on a PyTorch-style autograd core.</source>
            <translation>探索深度学习背后的微积分：导数与极限 h→0、切线与求导法则的逐步推导、链式法则，以及在 PyTorch 风格的自动微分内核上沿计算图逐步进行的反向传播。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="400" />
            <source>Built with PySide6, pyqtgraph, NumPy and SymPy.</source>
            <translation>基于 PySide6、pyqtgraph、NumPy 和 SymPy 构建。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="409" />
            <source>Plot the expression now (typing plots after a short pause)</source>
            <translation>立即绘制表达式（输入后稍停也会自动绘制）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="410" />
            <source>Enter</source>
            <translation>回车</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="430" />
            <source>Keyboard Shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="477" />
            <source>{names} and {last}</source>
            <translation>{names}和{last}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="477" />
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>ParameterSliders</name>
        <message>
            <location filename="../../ui/parameter_sliders.py" line="101" />
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../../ui/parameter_sliders.py" line="186" />
            <source>Type an exact value for {name} and press Enter</source>
            <translation>输入 {name} 的精确值后按回车</translation>
        </message>
        <message>
            <location filename="../../ui/parameter_sliders.py" line="223" />
            <source>The parameter {name}, from {low} to {high}</source>
            <translation>参数 {name}，范围 {low} 到 {high}</translation>
        </message>
    </context>
    <context>
        <name>PlotKeyboard</name>
        <message>
            <location filename="../../ui/plot_keyboard.py" line="167" />
            <source>Arrow keys move {handle} (now {where})</source>
            <translation>方向键移动 {handle}（当前 {where}）</translation>
        </message>
        <message>
            <location filename="../../ui/plot_keyboard.py" line="173" />
            <source>Arrow keys move {handles} when shown</source>
            <translation>显示时方向键移动 {handles}</translation>
        </message>
        <message>
            <location filename="../../ui/plot_keyboard.py" line="176" />
            <source>{keys}; Shift for fine steps; Tab goes to the next handle</source>
            <translation>{keys}；按住 Shift 微调；Tab 转到下一个控制点</translation>
        </message>
        <message>
            <location filename="../../ui/plot_keyboard.py" line="178" />
            <source>{keys}; Shift for fine steps</source>
            <translation>{keys}；按住 Shift 微调</translation>
        </message>
        <message>
            <location filename="../../ui/plot_keyboard.py" line="180" />
            <source>{what}. {keys}</source>
            <translation>{what}。{keys}</translation>
        </message>
    </context>
    <context>
        <name>PlotView</name>
        <message>
            <location filename="../../ui/plot.py" line="193" />
            <source>Reset view</source>
            <translation>重置视图</translation>
        </message>
        <message>
            <location filename="../../ui/plot.py" line="195" />
            <source>Show the whole curve again (Ctrl+0)</source>
            <translation>重新显示整条曲线（Ctrl+0）</translation>
        </message>
        <message>
            <location filename="../../ui/plot.py" line="197" />
            <source>Axes Through the Origin</source>
            <translation>坐标轴过原点</translation>
        </message>
        <message>
            <location filename="../../ui/plot.py" line="199" />
            <source>Draw the x- and y-axes through (0, 0), as Desmos and GeoGebra do</source>
            <translation>让 x 轴和 y 轴穿过 (0, 0)，与 Desmos 和 GeoGebra 一样</translation>
        </message>
        <message>
            <location filename="../../ui/plot.py" line="313" />
            <source>Mouse position in plot coordinates</source>
            <translation>鼠标在图中的坐标</translation>
        </message>
    </context>
    <context>
        <name>PredictionBox</name>
        <message>
            <location filename="../../ui/lessons_pane.py" line="331" />
            <source>Predict</source>
            <translation>预测</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="336" />
            <source>Your prediction</source>
            <translation>你的预测</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="337" />
            <source>your prediction, e.g. -2048 or 1/3</source>
            <translation>你的预测，例如 -2048 或 1/3</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="338" />
            <source>Reveal</source>
            <translation>揭晓</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="353" />
            <source>Type a number first: predicting is the point.</source>
            <translation>请先输入一个数：先预测才是关键。</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="365" />
            <source>Right: {answer}.</source>
            <translation>正确：{answer}。</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="370" />
            <source>The answer is {answer}. Your {guess} looks like {mistake}.</source>
            <translation>答案是 {answer}。你的 {guess} 看起来是因为{mistake}。</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="378" />
            <source>The answer is {answer}.</source>
            <translation>答案是 {answer}。</translation>
        </message>
    </context>
    <context>
        <name>SessionDocument</name>
        <message>
            <location filename="../../ui/session_document.py" line="35" />
            <source>Calculus Explorer sessions (*.calcx);;All files (*)</source>
            <translation>Calculus Explorer 会话 (*.calcx);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="60" />
            <location filename="../../ui/session_document.py" line="227" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="93" />
            <source>&amp;New Session</source>
            <translation>新建会话(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="95" />
            <source>&amp;Open Session…</source>
            <translation>打开会话(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="96" />
            <source>&amp;Save Session</source>
            <translation>保存会话(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="98" />
            <source>Save Session &amp;As…</source>
            <translation>会话另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="101" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="104" />
            <source>Open &amp;Example</source>
            <translation>打开示例(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="125" />
            <source>No recent sessions</source>
            <translation>没有最近的会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="128" />
            <source>Clear Recent</source>
            <translation>清除最近记录</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="206" />
            <location filename="../../ui/session_document.py" line="275" />
            <source>Opened with changes</source>
            <translation>已打开，但有改动</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="234" />
            <source>Open Session</source>
            <translation>打开会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="248" />
            <source>Could not open the session</source>
            <translation>无法打开会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="263" />
            <source>Could not open the example</source>
            <translation>无法打开示例</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="266" />
            <source>{title} (example)</source>
            <translation>{title}（示例）</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="287" />
            <source>Save Session</source>
            <translation>保存会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="303" />
            <source>Could not save the session</source>
            <translation>无法保存会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="328" />
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="329" />
            <source>Save the changes to {name} before going on?</source>
            <translation>继续之前，是否保存对“{name}”的更改？</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="451" />
            <source>Restore unsaved work?</source>
            <translation>恢复未保存的工作？</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="453" />
            <source>Calculus Explorer did not close properly last time. Restore the work it saved automatically?</source>
            <translation>Calculus Explorer 上次没有正常关闭。要恢复它自动保存的工作吗？</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="458" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="459" />
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="463" />
            <source>Not Now</source>
            <translation>以后再说</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="484" />
            <source>Could not restore the autosave</source>
            <translation>无法恢复自动保存</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="489" />
            <source>Recovered</source>
            <translation>已恢复</translation>
        </message>
    </context>
    <context>
        <name>ShortcutList</name>
        <message>
            <location filename="../../ui/shortcuts.py" line="20" />
            <source>Everywhere</source>
            <translation>所有页面</translation>
        </message>
        <message>
            <location filename="../../ui/shortcuts.py" line="74" />
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>SyntaxHelpDialog</name>
        <message>
            <location filename="../../ui/syntax_help.py" line="29" />
            <source>Write</source>
            <translation>写法</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="29" />
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="29" />
            <source>Derivative rule</source>
            <translation>求导法则</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="29" />
            <source>Meaning</source>
            <translation>含义</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="30" />
            <source>Everything f(x) may contain. u stands for any expression (the chain rule brings in u′); an example can be copied into the input as it is.</source>
            <translation>f(x) 中可以出现的全部内容。u 代表任意表达式（链式法则会带来 u′）；示例可以原样复制到输入框。</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="46" />
            <location filename="../../ui/syntax_help.py" line="61" />
            <source>Expression syntax</source>
            <translation>表达式语法</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="49" />
            <location filename="../../ui/syntax_help.py" line="50" />
            <source>Search, e.g. log, power, sigmoid</source>
            <translation>搜索，例如 log、power、sigmoid</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="50" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="81" />
            <source>Nothing matches; clear the search to see everything.</source>
            <translation>没有匹配项；清空搜索框即可查看全部。</translation>
        </message>
        <message>
            <location filename="../../ui/syntax_help.py" line="115" />
            <source>also {names}</source>
            <translation>也可写作 {names}</translation>
        </message>
    </context>
    <context>
        <name>Tabs</name>
        <message>
            <location filename="../../ui/panels/__init__.py" line="58" />
            <source>Function</source>
            <translation>函数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/__init__.py" line="59" />
            <source>Derivative</source>
            <translation>导数</translation>
        </message>
        <message>
            <location filename="../../ui/panels/__init__.py" line="60" />
            <source>Integral</source>
            <translation>积分</translation>
        </message>
        <message>
            <location filename="../../ui/panels/__init__.py" line="61" />
            <source>Graph</source>
            <translation>计算图</translation>
        </message>
        <message>
            <location filename="../../ui/panels/__init__.py" line="62" />
            <source>Gradient</source>
            <translation>梯度</translation>
        </message>
        <message>
            <location filename="../../ui/panels/__init__.py" line="63" />
            <source>Descent</source>
            <translation>梯度下降</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <location filename="../../ui/core_messages.py" line="17" />
            <source>Enter an expression</source>
            <translation>请输入表达式</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="18" />
            <source>Enter an expression, e.g. x^2 - 3x</source>
            <translation>请输入表达式，例如 x^2 - 3x</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="19" />
            <source>Enter a definition such as f = (x + y)^2</source>
            <translation>请输入定义，例如 f = (x + y)^2</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="20" />
            <source>Unknown function '{name}'</source>
            <translation>未知函数“{name}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="21" />
            <source>Unknown function '{name}'. Names are case-sensitive: did you mean {suggestion}?</source>
            <translation>未知函数“{name}”。名称区分大小写：你是想写 {suggestion} 吗？</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="22" />
            <source>Unknown name '{name}'</source>
            <translation>未知名称“{name}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="23" />
            <source>Unknown name '{name}'. Names are case-sensitive: did you mean {suggestion}?</source>
            <translation>未知名称“{name}”。名称区分大小写：你是想写 {suggestion} 吗？</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="24" />
            <source>Unknown name '{name}'. Did you mean {suggestion}?</source>
            <translation>未知名称“{name}”。你是想写 {suggestion} 吗？</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="25" />
            <source>Unknown name '{name}'. Write {product} for a product</source>
            <translation>未知名称“{name}”。乘积请写成 {product}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="26" />
            <source>Unknown name '{name}'. Use a number here; the only variable is x</source>
            <translation>未知名称“{name}”。这里请用数字；唯一的变量是 x</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="27" />
            <source>Unknown name '{name}'. Use a number here; the only variables are {names}</source>
            <translation>未知名称“{name}”。这里请用数字；变量只有 {names}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="28" />
            <source>Unknown name '{name}'. Euler's number is written e: try e^x or exp(x)</source>
            <translation>未知名称“{name}”。自然常数写作 e：试试 e^x 或 exp(x)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="29" />
            <source>Unknown name '{name}'. Complex numbers are not supported: everything here is real</source>
            <translation>未知名称“{name}”。不支持复数：这里一切都是实数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="30" />
            <source>'{name}' is Python, not part of the math language; type a formula such as x^2 - 3x</source>
            <translation>“{name}”是 Python 代码，不属于数学表达式；请输入公式，例如 x^2 - 3x</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="31" />
            <source>'{name}' takes 1 argument, got {count}</source>
            <translation>“{name}”只接受 1 个参数，却给了 {count} 个</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="32" />
            <source>'{name}' takes 1 argument, got {count} — for a base-{base} log write {hint}</source>
            <translation>“{name}”只接受 1 个参数，却给了 {count} 个——以 {base} 为底的对数请写 {hint}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="33" />
            <source>'{name}' takes 2 arguments, got {count}: write {example}</source>
            <translation>“{name}”需要 2 个参数，却给了 {count} 个：请写成 {example}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="34" />
            <source>'{name}' needs an argument, e.g. {example}</source>
            <translation>“{name}”需要一个参数，例如 {example}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="35" />
            <source>'{name}' needs parentheses: write {example}</source>
            <translation>“{name}”需要括号：请写 {example}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="36" />
            <source>'{name}' needs an argument in parentheses, e.g. {example}</source>
            <translation>“{name}”需要一个放在括号里的参数，例如 {example}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="37" />
            <source>'{name}' is not a number you can use here; use finite numbers</source>
            <translation>“{name}”不是这里能用的数；请使用有限的数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="38" />
            <source>'#' is not allowed: comments are not part of a formula</source>
            <translation>不允许使用“#”：注释不属于公式</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="39" />
            <source>'.' cannot follow a name: there is no attribute access in a formula</source>
            <translation>名称后面不能跟“.”：公式里没有属性访问</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="40" />
            <source>';' is not allowed: write one expression (put each definition on its own line)</source>
            <translation>不允许使用“;”：请只写一个表达式（每个定义单独一行）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="41" />
            <source>'=' is only allowed in a leading 'y =' or 'f(x) =' prefix; type just the expression</source>
            <translation>“=”只能出现在开头的“y =”或“f(x) =”中；请只输入表达式</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="42" />
            <source>Character '{char}' ({unicode}) is not allowed; type {replacement} instead</source>
            <translation>不允许使用字符“{char}”（{unicode}）；请改为输入 {replacement}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="43" />
            <source>Character '{char}' ({unicode}) is not allowed; type the plain letter '{letter}' instead</source>
            <translation>不允许使用字符“{char}”（{unicode}）；请改为输入普通字母“{letter}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="46" />
            <source>{power} has no real value; use cbrt({base})</source>
            <translation>{power} 没有实数值；请用 cbrt({base})</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="47" />
            <source>{power} is too small (more than 300 zeros after the point)</source>
            <translation>{power} 太小（小数点后超过 300 个零）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="48" />
            <source>{power} is too large (more than 300 digits)</source>
            <translation>{power} 太大（超过 300 位数字）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="49" />
            <source>Division by zero</source>
            <translation>除以零</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="50" />
            <source>Division by zero: {part} is always 0</source>
            <translation>除以零：{part} 恒等于 0</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="51" />
            <source>Empty parentheses</source>
            <translation>括号里是空的</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="52" />
            <source>Exponent {value} is too large (max 1000)</source>
            <translation>指数 {value} 太大（最大 1000）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="53" />
            <source>Expression ends too early: missing a value after {after}</source>
            <translation>表达式提前结束：{after} 后面缺少一个值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="54" />
            <source>Expression is nested too deeply (max {depth} levels)</source>
            <translation>表达式嵌套太深（最多 {depth} 层）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="55" />
            <source>{what} is too long ({count} characters, max {max})</source>
            <translation>{what}太长（{count} 个字符，最多 {max} 个）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="56" />
            <source>Expression has too many parts (more than {max} tokens)</source>
            <translation>表达式的组成部分太多（超过 {max} 个记号）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="57" />
            <source>Factorial '!' is not supported</source>
            <translation>不支持阶乘“!”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="58" />
            <source>Inequalities (&lt;, &gt;) are not supported; type an expression such as x - 1</source>
            <translation>不支持不等式（&lt;、&gt;）；请输入表达式，例如 x - 1</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="59" />
            <source>Missing a value after '{token}'</source>
            <translation>“{token}”后面缺少一个值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="60" />
            <source>Missing '{closer}' for the '{opener}'</source>
            <translation>缺少与“{opener}”配对的“{closer}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="61" />
            <source>Missing '{closer}' to close the '{opener}'</source>
            <translation>缺少闭合“{opener}”的“{closer}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="62" />
            <source>Number has too many digits ({count}, max {max})</source>
            <translation>数字位数太多（{count} 位，最多 {max} 位）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="63" />
            <source>This panel uses x; the expression also contains {name}</source>
            <translation>本面板只使用 x；表达式里还含有 {name}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="64" />
            <source>Two numbers in a row; add an operator</source>
            <translation>两个数字连在一起；请加上运算符</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="65" />
            <source>Unmatched '{token}'</source>
            <translation>没有配对的“{token}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="66" />
            <source>Use round brackets ( ) for grouping, not '{token}'</source>
            <translation>分组请用圆括号 ( )，而不是“{token}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="67" />
            <source>log(0) is undefined (it is infinite)</source>
            <translation>log(0) 无定义（它是无穷大）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="68" />
            <source>{call} is undefined (a vertical asymptote)</source>
            <translation>{call} 无定义（垂直渐近线）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="69" />
            <source>{call} is undefined (the point (0, 0) has no angle)</source>
            <translation>{call} 无定义（点 (0, 0) 没有角度）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="70" />
            <source>Up to two primes: {name}'(x) or {name}''(x)</source>
            <translation>最多两个撇号：{name}'(x) 或 {name}''(x)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="71" />
            <source>The result is too large to compute exactly</source>
            <translation>结果太大，无法精确计算</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="72" />
            <source>Expression</source>
            <translation>表达式</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="73" />
            <source>Program</source>
            <translation>程序</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="75" />
            <source>Numbers, constants and variables</source>
            <translation>数、常数与变量</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="76" />
            <source>Operators</source>
            <translation>运算符</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="77" />
            <source>Functions</source>
            <translation>函数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="78" />
            <source>numbers; 1e-3 is 0.001</source>
            <translation>数；1e-3 即 0.001</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="79" />
            <source>π, half a turn in radians (π ≈ 3.14159)</source>
            <translation>π，以弧度计的半圈（π ≈ 3.14159）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="80" />
            <source>Euler's number, the base of ln (e ≈ 2.71828)</source>
            <translation>自然常数，ln 的底（e ≈ 2.71828）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="81" />
            <source>the variable</source>
            <translation>自变量</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="82" />
            <source>parameters: single letters other than x (and e) get a slider each</source>
            <translation>参数：除 x（和 e）以外的单个字母，各有一个滑块</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="83" />
            <source>a constant while differentiating: (a·u)′ = a·u′</source>
            <translation>求导时视为常数：(a·u)′ = a·u′</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="84" />
            <source>an optional name in front, skipped</source>
            <translation>前面可选的名字，会被忽略</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="85" />
            <source>sum</source>
            <translation>和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="86" />
            <source>difference; in front it negates: -x^2 is −(x²)</source>
            <translation>差；放在前面表示取负：-x^2 即 −(x²)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="87" />
            <source>product</source>
            <translation>积</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="88" />
            <source>product written without *</source>
            <translation>省略 * 的乘积</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="89" />
            <source>quotient</source>
            <translation>商</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="90" />
            <source>power, from the right: 2^3^2 is 2⁹</source>
            <translation>幂，从右向左结合：2^3^2 即 2⁹</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="91" />
            <source>brackets group</source>
            <translation>括号用于分组</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="92" />
            <source>absolute value, the same as abs(u)</source>
            <translation>绝对值，与 abs(u) 相同</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="93" />
            <source>|u|′ = sign(u)·u′, none where u = 0</source>
            <translation>|u|′ = sign(u)·u′，u = 0 处不存在</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="94" />
            <source>sine (radians)</source>
            <translation>正弦（弧度）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="95" />
            <source>cosine (radians)</source>
            <translation>余弦（弧度）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="96" />
            <source>tangent, sin/cos</source>
            <translation>正切，sin/cos</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="97" />
            <source>cotangent, cos/sin</source>
            <translation>余切，cos/sin</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="98" />
            <source>secant, 1/cos</source>
            <translation>正割，1/cos</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="99" />
            <source>cosecant, 1/sin</source>
            <translation>余割，1/sin</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="100" />
            <source>inverse sine (arcsine)</source>
            <translation>反正弦</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="101" />
            <source>inverse cosine (arccosine)</source>
            <translation>反余弦</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="102" />
            <source>inverse tangent (arctangent)</source>
            <translation>反正切</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="103" />
            <source>hyperbolic sine</source>
            <translation>双曲正弦</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="104" />
            <source>hyperbolic cosine</source>
            <translation>双曲余弦</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="105" />
            <source>hyperbolic tangent</source>
            <translation>双曲正切</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="106" />
            <source>inverse hyperbolic sine</source>
            <translation>反双曲正弦</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="107" />
            <source>inverse hyperbolic cosine</source>
            <translation>反双曲余弦</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="108" />
            <source>inverse hyperbolic tangent</source>
            <translation>反双曲正切</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="109" />
            <source>exponential, e^u</source>
            <translation>指数函数，e^u</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="110" />
            <source>natural logarithm</source>
            <translation>自然对数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="111" />
            <source>base-2 logarithm</source>
            <translation>以 2 为底的对数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="112" />
            <source>base-10 logarithm</source>
            <translation>以 10 为底的对数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="113" />
            <source>square root</source>
            <translation>平方根</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="114" />
            <source>real cube root</source>
            <translation>实数立方根</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="115" />
            <source>absolute value, also written |u|</source>
            <translation>绝对值，也写作 |u|</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="116" />
            <source>logistic function 1/(1+e^-u)</source>
            <translation>逻辑斯谛函数 1/(1+e^-u)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="117" />
            <source>relu(u)′ = step(u)·u′, none where u = 0</source>
            <translation>relu(u)′ = step(u)·u′，u = 0 处不存在</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="118" />
            <source>atan2(u, v)′ = v/(u² + v²)·u′ − u/(u² + v²)·v′, none where u = v = 0</source>
            <translation>atan2(u, v)′ = v/(u² + v²)·u′ − u/(u² + v²)·v′，u = v = 0 处不存在</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="119" />
            <source>angle of the point (x, y), written atan2(y, x): from −π to π</source>
            <translation>点 (x, y) 的角度，写作 atan2(y, x)：从 −π 到 π</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="120" />
            <source>round down to a whole number</source>
            <translation>向下取整</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="121" />
            <source>round up to a whole number</source>
            <translation>向上取整</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="122" />
            <source>sign: -1, 0 or 1</source>
            <translation>符号函数：-1、0 或 1</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="123" />
            <source>Heaviside step, step(0) = 0</source>
            <translation>单位阶跃函数，step(0) = 0</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="124" />
            <source>none — it is piecewise constant: its slope is 0 between jumps and undefined at them</source>
            <translation>不存在——它是分段常数：跳跃之间斜率为 0，跳跃处无定义</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="126" />
            <source>Type two numbers: a, b</source>
            <translation>请输入两个数：a, b</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="127" />
            <source>x min</source>
            <translation>x 最小值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="128" />
            <source>x max</source>
            <translation>x 最大值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="129" />
            <source>The x-range must be two numbers.</source>
            <translation>x 的范围必须是两个数。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="130" />
            <source>{label} must be a finite number (got {value}).</source>
            <translation>{label}必须是有限的数（得到的是 {value}）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="131" />
            <source>{label} = {value} is too far out: |x| must be at most 1e15 (keep the range within ±1e15).</source>
            <translation>{label} = {value} 太远了：|x| 最多为 1e15（请把范围保持在 ±1e15 以内）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="134" />
            <source>The range is reversed: x min ({low}) must be smaller than x max ({high}).</source>
            <translation>范围颠倒了：x 最小值（{low}）必须小于 x 最大值（{high}）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="135" />
            <source>The range {low} .. {high} is too narrow to plot: make it wider than {span}.</source>
            <translation>范围 {low} .. {high} 太窄，无法绘图：请让它宽于 {span}。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="136" />
            <source>Root of {curve}: {where}</source>
            <translation>{curve} 的零点：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="137" />
            <source>Local minimum of {curve}: {where}</source>
            <translation>{curve} 的局部极小值：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="138" />
            <source>Local maximum of {curve}: {where}</source>
            <translation>{curve} 的局部极大值：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="139" />
            <source>Inflection point of {curve}: {where}</source>
            <translation>{curve} 的拐点：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="140" />
            <source>Y-intercept of {curve}: {where}</source>
            <translation>{curve} 的 y 轴截距：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="141" />
            <source>Hole of {curve}: {where}</source>
            <translation>{curve} 的可去间断点：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="142" />
            <source>Vertical asymptote of {curve}: {where}</source>
            <translation>{curve} 的垂直渐近线：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="143" />
            <source>Intersection of {curve} and {other}: {where}</source>
            <translation>{curve} 与 {other} 的交点：{where}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="144" />
            <source>Global minimum of {curve}: {y} at x = {x}</source>
            <translation>{curve} 的全局最小值：x = {x} 处为 {y}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="145" />
            <source>Global maximum of {curve}: {y} at x = {x}</source>
            <translation>{curve} 的全局最大值：x = {x} 处为 {y}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="146" />
            <source>Global minimum of {curve}: none</source>
            <translation>{curve} 的全局最小值：不存在</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="147" />
            <source>Global maximum of {curve}: none</source>
            <translation>{curve} 的全局最大值：不存在</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="148" />
            <source>Global minimum of {curve}: none — {curve} falls without bound at the vertical asymptote x = {x}</source>
            <translation>{curve} 的全局最小值：不存在——{curve} 在垂直渐近线 x = {x} 处无限下降</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="152" />
            <source>Global maximum of {curve}: none — {curve} grows without bound at the vertical asymptote x = {x}</source>
            <translation>{curve} 的全局最大值：不存在——{curve} 在垂直渐近线 x = {x} 处无限增长</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="156" />
            <source>Global minimum of {curve}: none — {curve} approaches {y} at the hole x = {x} but never reaches it</source>
            <translation>{curve} 的全局最小值：不存在——{curve} 在可去间断点 x = {x} 处趋近 {y}，但永远达不到</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="160" />
            <source>Global maximum of {curve}: none — {curve} approaches {y} at the hole x = {x} but never reaches it</source>
            <translation>{curve} 的全局最大值：不存在——{curve} 在可去间断点 x = {x} 处趋近 {y}，但永远达不到</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="164" />
            <source>Increasing</source>
            <translation>递增</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="165" />
            <source>Decreasing</source>
            <translation>递减</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="166" />
            <source>Constant</source>
            <translation>常数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="167" />
            <source>Concave up</source>
            <translation>上凹</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="168" />
            <source>Concave down</source>
            <translation>下凹</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="169" />
            <source>{name}′ changes from − to +: local minimum</source>
            <translation>{name}′ 由 − 变为 +：局部极小值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="170" />
            <source>{name}′ changes from + to −: local maximum</source>
            <translation>{name}′ 由 + 变为 −：局部极大值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="171" />
            <source>{name}′ does not exist here (a vertical tangent): the second-derivative test does not apply</source>
            <translation>{name}′ 在此不存在（垂直切线）：二阶导数判别法不适用</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="175" />
            <source>{name}′ jumps here (a corner): the second-derivative test does not apply</source>
            <translation>{name}′ 在此跳跃（尖角）：二阶导数判别法不适用</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="176" />
            <source>{name}″ is undefined here: the second-derivative test does not apply</source>
            <translation>{name}″ 在此无定义：二阶导数判别法不适用</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="177" />
            <source>{name}″ = 0: the second-derivative test is inconclusive</source>
            <translation>{name}″ = 0：二阶导数判别法无法判断</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="179" />
            <source>simplified</source>
            <translation>已化简</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="180" />
            <source>{name}″ = {value} &gt; 0: local minimum</source>
            <translation>{name}″ = {value} &gt; 0：局部极小值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="181" />
            <source>{name}″ = {value} &lt; 0: local maximum</source>
            <translation>{name}″ = {value} &lt; 0：局部极大值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="182" />
            <source>{name}″ changes sign: the concavity changes</source>
            <translation>{name}″ 变号：凹凸性改变</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="183" />
            <source>{name}′ = 0 here but keeps its sign: not an extremum</source>
            <translation>{name}′ 在此为 0 但不变号：不是极值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="185" />
            <source>Antiderivative (sympy): F(x) = {formula} + C</source>
            <translation>原函数（sympy）：F(x) = {formula} + C</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="186" />
            <source>Antiderivative: F(x) = {formula} + C</source>
            <translation>原函数：F(x) = {formula} + C</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="187" />
            <source>sympy's ln(u) is written ln|u| here: f is real where u &lt; 0 too, and F′ = f there (checked)</source>
            <translation>这里把 sympy 的 ln(u) 写成 ln|u|：f 在 u &lt; 0 处也有实数值，且在那里 F′ = f（已核对）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="190" />
            <source>left sum</source>
            <translation>左和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="191" />
            <source>right sum</source>
            <translation>右和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="192" />
            <source>midpoint sum</source>
            <translation>中点和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="193" />
            <source>trapezoid rule</source>
            <translation>梯形法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="194" />
            <source>Simpson's rule</source>
            <translation>辛普森法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="195" />
            <source>upper sum</source>
            <translation>上和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="196" />
            <source>lower sum</source>
            <translation>下和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="197" />
            <source>Left sum</source>
            <translation>左和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="198" />
            <source>Right sum</source>
            <translation>右和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="199" />
            <source>Midpoint sum</source>
            <translation>中点和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="200" />
            <source>Trapezoid rule</source>
            <translation>梯形法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="201" />
            <source>Upper sum</source>
            <translation>上和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="202" />
            <source>Lower sum</source>
            <translation>下和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="203" />
            <source>lower bound</source>
            <translation>积分下限</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="204" />
            <source>upper bound</source>
            <translation>积分上限</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="205" />
            <source>{rule} with n = {n}: {value} (error {error})</source>
            <translation>n = {n} 时的{rule}：{value}（误差 {error}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="206" />
            <source>{rule} with n = {n}: {value}</source>
            <translation>n = {n} 时的{rule}：{value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="207" />
            <source>Riemann sums need finite bounds a and b</source>
            <translation>黎曼和需要有限的积分限 a 和 b</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="208" />
            <source>The {rule} is exact for this f (error at round-off for every n)</source>
            <translation>对这个 f，{rule}是精确的（每个 n 的误差都在舍入误差量级）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="209" />
            <source>Too few errors above round-off to measure the order</source>
            <translation>高于舍入误差的误差太少，无法测出阶数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="210" />
            <source>diverges ({formula})</source>
            <translation>发散（{formula}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="211" />
            <source>no value (sympy: {formula})</source>
            <translation>没有值（sympy：{formula}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="212" />
            <source>not a real number ({formula})</source>
            <translation>不是实数（{formula}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="213" />
            <source>sympy found no closed form</source>
            <translation>sympy 没有找到闭式解</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="214" />
            <source>sympy could not work it out</source>
            <translation>sympy 无法算出</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="215" />
            <source>diverges to +∞</source>
            <translation>发散到 +∞</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="216" />
            <source>diverges to −∞</source>
            <translation>发散到 −∞</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="217" />
            <source>diverges (no value)</source>
            <translation>发散（没有值）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="218" />
            <source>not a real number</source>
            <translation>不是实数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="219" />
            <source>no value</source>
            <translation>没有值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="220" />
            <source>{value} (unreliable: error estimate {error})</source>
            <translation>{value}（不可靠：误差估计 {error}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="221" />
            <source>{value} ({method}, error estimate {error})</source>
            <translation>{value}（{method}，误差估计 {error}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="222" />
            <source>Exact and numeric agree (difference {difference})</source>
            <translation>精确值与数值一致（差 {difference}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="223" />
            <source>Exact and numeric DISAGREE by {difference}: one of them is wrong here (check the integrand's singularities)</source>
            <translation>精确值与数值相差 {difference}，不一致：其中一个在这里是错的（请检查被积函数的奇点）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="227" />
            <source>sympy and the numeric analysis both find no finite real value</source>
            <translation>sympy 和数值分析都认为没有有限的实数值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="228" />
            <source>Numeric value only: {why}</source>
            <translation>只有数值结果：{why}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="229" />
            <source>sympy and the numeric analysis DISAGREE about whether the integral has a value</source>
            <translation>sympy 与数值分析对积分是否有值的判断不一致</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="230" />
            <source>Enter the {what}: a number, an expression such as pi/2, or inf</source>
            <translation>请输入{what}：一个数、如 pi/2 的表达式，或 inf</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="231" />
            <source>The {what} must be a number (a constant such as pi/2, or inf): {message}</source>
            <translation>{what}必须是一个数（如 pi/2 这样的常数，或 inf）：{message}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="232" />
            <source>The {what} {text} has no real value</source>
            <translation>{what} {text} 没有实数值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="233" />
            <source>The {what} {text} is too large for a finite bound (at most 1e15); type inf for an infinite one</source>
            <translation>{what} {text} 作为有限积分限太大了（最多 1e15）；无穷积分限请输入 inf</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="237" />
            <source>f has a corner at x = {x}: the quadrature is split there</source>
            <translation>f 在 x = {x} 处有尖角：数值积分在那里分段</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="238" />
            <source>undefined</source>
            <translation>未定义</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="239" />
            <source>Observed order: error ∝ n⁻ᵖ with p = {p} (theory for a smooth f: p = {order})</source>
            <translation>观测到的阶：误差 ∝ n⁻ᵖ，p = {p}（对光滑的 f，理论值 p = {order}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="240" />
            <source>Both bounds are the same infinity.</source>
            <translation>两个积分限是同一个无穷大。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="241" />
            <source>a = b: the interval is empty, so the integral is 0</source>
            <translation>a = b：区间为空，积分为 0</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="242" />
            <source>b &lt; a: ∫ₐᵇ f dx = −∫ᵦᵃ f dx, the integral over [b, a] with its sign flipped</source>
            <translation>b &lt; a：∫ₐᵇ f dx = −∫ᵦᵃ f dx，即 [b, a] 上的积分取相反数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="243" />
            <source>f has no real values between x ≈ {start} and x ≈ {end}, inside the interval: the integral is not a real number</source>
            <translation>f 在区间内 x ≈ {start} 与 x ≈ {end} 之间没有实数值：积分不是实数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="247" />
            <source>f oscillates out to infinity: the tail is summed half-period by half-period</source>
            <translation>f 一直振荡到无穷远：尾部按半个周期逐段求和</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="248" />
            <source>f oscillates out to infinity: the tail is summed half-period by half-period (the integral converges only conditionally)</source>
            <translation>f 一直振荡到无穷远：尾部按半个周期逐段求和（积分只是条件收敛）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="252" />
            <source>mpmath could not integrate f ({error})</source>
            <translation>mpmath 无法计算 f 的积分（{error}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="253" />
            <source>mpmath's quadrature gave no finite value</source>
            <translation>mpmath 的数值积分没有给出有限值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="254" />
            <source>mpmath's error estimate ({error}) is large: the value may be inaccurate</source>
            <translation>mpmath 的误差估计（{error}）很大：数值可能不准确</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="255" />
            <source>f has a pole {where}: |f| grows {growth} there, too fast to integrate (p must be above −1), so the integral {outcome}</source>
            <translation>f {where}有极点：|f| 在那里的增长{growth}，太快而无法积分（p 必须大于 −1），所以积分{outcome}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="259" />
            <source>at the lower bound {x}</source>
            <translation>在下限 {x} 处</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="260" />
            <source>at the upper bound {x}</source>
            <translation>在上限 {x} 处</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="261" />
            <source>at {x}, inside [{a}, {b}]</source>
            <translation>在 [{a}, {b}] 内的 {x} 处</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="262" />
            <source>like {distance}ᵖ with p = {p}</source>
            <translation>与 {distance}ᵖ 相当，p = {p}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="263" />
            <source>faster than any power</source>
            <translation>比任何幂都快地</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="264" />
            <source>diverges: it runs to +∞ on one side of the pole and −∞ on the other, so it has no value (not even 0)</source>
            <translation>发散：它在极点一侧趋于 +∞，另一侧趋于 −∞，所以没有值（也不是 0）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="268" />
            <source>f has no real values as x → {towards}: the integral is not a real number</source>
            <translation>当 x → {towards} 时 f 没有实数值：积分不是实数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="269" />
            <source>f keeps oscillating without dying out as x → {towards}: the integral has no limit</source>
            <translation>当 x → {towards} 时 f 持续振荡而不衰减：积分没有极限</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="270" />
            <source>f {how} as x → {towards}, so the integral diverges to {infinity}</source>
            <translation>x → {towards} 时 f {how}，所以积分发散到 {infinity}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="271" />
            <source>grows without bound</source>
            <translation>无界增长</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="272" />
            <source>does not decay (|f| behaves {growth})</source>
            <translation>不衰减（|f| 的变化{growth}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="273" />
            <source>decays too slowly ({growth}; it must fall faster than 1/|x|)</source>
            <translation>衰减太慢（{growth}；它必须比 1/|x| 衰减得更快）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="274" />
            <source>f jumps (or has a hole) at x = {shown}: the quadrature is split there, so each piece is smooth</source>
            <translation>f 在 x = {shown} 处有跳跃（或空洞）：数值积分在这些点分段，每段都是光滑的</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="278" />
            <source>f is unbounded at {x} (|f| grows {growth}) but integrably so: an improper integral that converges</source>
            <translation>f 在 {x} 处无界（|f| 的增长{growth}），但仍可积：这是一个收敛的反常积分</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="282" />
            <source>f has no finite sup on the subinterval around x = {x}: the {name} is undefined</source>
            <translation>f 在 x = {x} 附近的子区间上没有有限的上确界：{name}无定义</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="283" />
            <source>f has no finite inf on the subinterval around x = {x}: the {name} is undefined</source>
            <translation>f 在 x = {x} 附近的子区间上没有有限的下确界：{name}无定义</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="284" />
            <source>f({x}) is not a finite number, so the {name} is undefined</source>
            <translation>f({x}) 不是有限数，所以{name}无定义</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="286" />
            <source>Log-sum-exp (the seed)</source>
            <translation>Log-sum-exp（笔记中的例子）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="287" />
            <source>Bowl x² + 2y²</source>
            <translation>碗形 x² + 2y²</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="288" />
            <source>Saddle x² − y²</source>
            <translation>鞍面 x² − y²</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="289" />
            <source>d2l: f(x) = x², η = 0.2 from x = 10</source>
            <translation>d2l：f(x) = x²，η = 0.2，从 x = 10 出发</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="290" />
            <source>d2l: f(x) = x·cos(cx), a local minimum</source>
            <translation>d2l：f(x) = x·cos(cx)，一个局部极小值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="291" />
            <source>d2l: f = 0.1x² + 2y² (ill-conditioned)</source>
            <translation>d2l：f = 0.1x² + 2y²（病态）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="292" />
            <source>d2l: f = x² + 2y², η = 0.1 from (−5, −2)</source>
            <translation>d2l：f = x² + 2y²，η = 0.1，从 (−5, −2) 出发</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="293" />
            <source>Seed: four-variable chain rule</source>
            <translation>笔记：四变量链式法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="294" />
            <source>Log-sum-exp at (0, ln 2)</source>
            <translation>Log-sum-exp，在 (0, ln 2) 处</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="295" />
            <source>2xᵀx with x = arange(4)</source>
            <translation>2xᵀx，其中 x = arange(4)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="296" />
            <source>Neuron σ(w·x + b), squared loss</source>
            <translation>神经元 σ(w·x + b)，平方损失</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="297" />
            <source>Control flow: the seed's f(a)</source>
            <translation>控制流：笔记中的 f(a)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="299" />
            <source>f′ is undefined at {at} ({reason})</source>
            <translation>f′ 在 {at} 处无定义（{reason}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="300" />
            <source>pole of f</source>
            <translation>f 的极点</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="301" />
            <source>f is not defined there</source>
            <translation>f 在那里无定义</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="302" />
            <source>f′ cannot be computed at {at}: f overflows float64 here</source>
            <translation>无法在 {at} 处计算 f′：f 在这里超出 float64 范围</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="303" />
            <source>F({x}) does not exist: f has a pole at x = {pole}, between a and x₀, that cannot be integrated across</source>
            <translation>F({x}) 不存在：f 在 a 与 x₀ 之间的 x = {pole} 处有极点，积分无法越过它</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="308" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="309" />
            <source>did not converge</source>
            <translation>未收敛</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="310" />
            <source>local minimum</source>
            <translation>局部极小值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="311" />
            <source>local maximum</source>
            <translation>局部极大值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="312" />
            <source>saddle point</source>
            <translation>鞍点</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="313" />
            <source>degenerate critical point</source>
            <translation>退化驻点</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="314" />
            <source>oscillating</source>
            <translation>振荡</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="315" />
            <source>diverged</source>
            <translation>发散</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="316" />
            <source>stopped: f undefined</source>
            <translation>已停止：f 无定义</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="317" />
            <source>unbounded below</source>
            <translation>无下界</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="318" />
            <source>f (log scale)</source>
            <translation>f（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="319" />
            <source>sign(f)·log₁₀(1 + |f|)</source>
            <translation>sign(f)·log₁₀(1 + |f|)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="320" />
            <source>did not converge in {steps} steps: ‖∇f‖ = {norm} &gt; {tolerance}</source>
            <translation>{steps} 步内未收敛：‖∇f‖ = {norm} &gt; {tolerance}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="321" />
            <source>reached a local minimum at {where} ({second} &gt; 0)</source>
            <translation>在 {where} 处到达局部极小值（{second} &gt; 0）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="322" />
            <source>reached a local minimum at {where} (curvatures {curvatures}, all positive)</source>
            <translation>在 {where} 处到达局部极小值（曲率 {curvatures}，全为正）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="323" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="324" />
            <source>constant</source>
            <translation>常量</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="325" />
            <source>detach() copy</source>
            <translation>detach() 副本</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="326" />
            <source>Press Step forward to evaluate the first node.</source>
            <translation>按“前向一步”计算第一个节点。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="327" />
            <source>there is no next step to predict here: the race ends at this step</source>
            <translation>这里没有下一步可预测：竞赛在这一步结束</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="329" />
            <source>The folder '{folder}' does not exist</source>
            <translation>文件夹“{folder}”不存在</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="330" />
            <source>The folder '{folder}' cannot be written to</source>
            <translation>无法写入文件夹“{folder}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="331" />
            <source>Cannot export to '{name}': use a .png or .svg file name</source>
            <translation>无法导出到“{name}”：请使用 .png 或 .svg 文件名</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="332" />
            <source>'{name}' has no .png or .svg suffix</source>
            <translation>“{name}”没有 .png 或 .svg 后缀</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="334" />
            <source>{optimizer}, step {step}</source>
            <translation>{optimizer}，第 {step} 步</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="335" />
            <source>f went from {before} to {after}</source>
            <translation>f 从 {before} 变为 {after}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="336" />
            <source>f went from {before} to {after} (up: the step overshot)</source>
            <translation>f 从 {before} 变为 {after}（上升了：这一步走过头了）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="337" />
            <source>{symbol} = g (the first step) = {value}</source>
            <translation>{symbol} = g（第一步）= {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="338" />
            <source>d = g + μ·b (look ahead) = {value}</source>
            <translation>d = g + μ·b（向前看）= {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="339" />
            <source>√v + ε = the gradient's running size = {value}</source>
            <translation>√v + ε = 梯度的滑动大小 = {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="340" />
            <source>s = s + g² (all squared gradients so far) = {value}</source>
            <translation>s = s + g²（迄今所有梯度的平方和）= {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="342" />
            <source>{name} = {value} (input)</source>
            <translation>{name} = {value}（输入）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="343" />
            <source>{name} = {value} (constant)</source>
            <translation>{name} = {value}（常量）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="344" />
            <source>{name} = {value} (input, requires_grad=False)</source>
            <translation>{name} = {value}（输入，requires_grad=False）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="345" />
            <source>{name} = {value} (a copy with no gradient history: the edge is cut)</source>
            <translation>{name} = {value}（一个没有梯度历史的副本：这条边被切断）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="346" />
            <source>{partial} = {seed} (the seed of the backward pass)</source>
            <translation>{partial} = {seed}（反向传播的起点）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="347" />
            <source>{partial} = {seed} (the gradient= argument, ones for a non-scalar output)</source>
            <translation>{partial} = {seed}（gradient= 参数，非标量输出时为全 1）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="348" />
            <source>{partial} = 0: no gradient reaches {name} (its uses are detached)</source>
            <translation>{partial} = 0：没有梯度到达 {name}（它的使用都被 detach 了）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="350" />
            <source>{first}; {rest}</source>
            <translation>{first}；{rest}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="351" />
            <source>{first} and {second}</source>
            <translation>{first} 和 {second}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="353" />
            <source>{chain}; {name}.grad = {earlier} + {this} = {total} (backward adds into .grad: no zero_() since the last pass)</source>
            <translation>{chain}；{name}.grad = {earlier} + {this} = {total}（backward 会累加到 .grad 中：上次传播后没有调用 zero_()）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="357" />
            <source>{chain} ({cut} other use: detached or gradient-free, adding 0)</source>
            <translation>{chain}（另有 {cut} 处使用：已分离或不需要梯度，贡献为 0）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="358" />
            <source>{chain} ({cut} other uses: detached or gradient-free, adding 0)</source>
            <translation>{chain}（另有 {cut} 处使用：已分离或不需要梯度，贡献为 0）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="359" />
            <source>∂{name}/∂{name} = {seed} (the seed tangent)</source>
            <translation>∂{name}/∂{name} = {seed}（初始切向量）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="360" />
            <source>∂{node}/∂{name} = 0 (does not depend on {name})</source>
            <translation>∂{node}/∂{name} = 0（不依赖于 {name}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="361" />
            <source>Reverse mode: 1 backward pass gives all {count} partials; forward mode needs {count} passes, one per input</source>
            <translation>反向模式：1 次反向传播就得到全部 {count} 个偏导数；前向模式需要 {count} 次传播，每个输入一次</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="365" />
            <source>Reverse mode: 1 backward pass gives all {count} partials; forward mode needs {count} passes, one per input element</source>
            <translation>反向模式：1 次反向传播就得到全部 {count} 个偏导数；前向模式需要 {count} 次传播，每个输入元素一次</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="369" />
            <source>Reverse mode: 1 backward pass gives all 1 partial; forward mode needs 1 pass, one per input</source>
            <translation>反向模式：1 次反向传播得到唯一的偏导数；前向模式同样需要 1 次传播，每个输入一次</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="373" />
            <source>{kind} loop (line {line}) ran once</source>
            <translation>{kind} 循环（第 {line} 行）运行了 1 次</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="374" />
            <source>{kind} loop (line {line}) ran {count} times</source>
            <translation>{kind} 循环（第 {line} 行）运行了 {count} 次</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="375" />
            <source>if (line {line}): no branch taken</source>
            <translation>if（第 {line} 行）：没有进入任何分支</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="376" />
            <source>if (line {line}) took the if branch</source>
            <translation>if（第 {line} 行）进入了 if 分支</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="377" />
            <source>if (line {line}) took the {branch} branch (line {branch_line})</source>
            <translation>if（第 {line} 行）进入了 {branch} 分支（第 {branch_line} 行）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="378" />
            <source>backward() adds into .grad; without x.grad.zero_() pass {passes} accumulates: {changes}</source>
            <translation>backward() 会累加到 .grad 中；不调用 x.grad.zero_() 时，第 {passes} 次传播把梯度累加为：{changes}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="381" />
            <source>The second backward ran: this graph saves no values, so nothing was freed.</source>
            <translation>第二次反向传播成功了：这个计算图没有保存任何中间值，所以没有东西被释放。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="382" />
            <source>the output is a scalar; give an input with several values</source>
            <translation>输出是标量；请给某个输入填写多个值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="383" />
            <source>accumulation needs at least two backward passes</source>
            <translation>累加至少需要两次反向传播</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="384" />
            <source>{y}.backward() on a non-scalar {y} → RuntimeError: {error}
{y} has {count} values, so backward needs gradient=: a tensor shaped like {y} that weights each value's gradient; type {y}.backward(gradient=torch.ones_like({y})) to get the gradient of {y}.sum(), which gives {found}.</source>
            <translation>对非标量 {y} 调用 {y}.backward() → RuntimeError: {error}
{y} 有 {count} 个值，所以 backward 需要 gradient=：一个与 {y} 形状相同、为每个值的梯度加权的张量；写 {y}.backward(gradient=torch.ones_like({y})) 即得到 {y}.sum() 的梯度，结果为 {found}。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="390" />
            <source>{output} does not depend on any input: nothing to differentiate</source>
            <translation>{output} 不依赖任何输入：没有可求导的对象</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="392" />
            <source>f = 1024 and ∂f/∂w = ∂f/∂x = ∂f/∂y = ∂f/∂z = −4096</source>
            <translation>f = 1024，且 ∂f/∂w = ∂f/∂x = ∂f/∂y = ∂f/∂z = −4096</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="393" />
            <source>∇f = (1/3, 2/3): the softmax of (x, y)</source>
            <translation>∇f = (1/3, 2/3)：正是 (x, y) 的 softmax</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="394" />
            <source>a.grad == d / a for every a</source>
            <translation>对任意 a 都有 a.grad == d / a</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="396" />
            <source>d2l 12.3: after 10 steps x = 0.0604662</source>
            <translation>d2l 12.3：10 步之后 x = 0.0604662</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="397" />
            <source>d2l 12.3: with η = 2 from x = 10 gradient descent jumps to a poorer local minimum near x = −1.8; smaller steps settle in the one at x = 7.27</source>
            <translation>d2l 12.3：η = 2 时，从 x = 10 出发的梯度下降会跳到 x = −1.8 附近一个更差的局部极小值；步长小一些则停在 x = 7.27 处的局部极小值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="401" />
            <source>d2l 12.6: gradient descent oscillates in y while crawling in x; momentum helps</source>
            <translation>d2l 12.6：梯度下降在 y 方向来回振荡，在 x 方向却进展缓慢；动量法有帮助</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="402" />
            <source>d2l 12.3.2: after 20 steps (−0.057646, −0.000073)</source>
            <translation>d2l 12.3.2：20 步之后到达 (−0.057646, −0.000073)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="403" />
            <source>A curved, narrow valley to the minimum at (1, 1)</source>
            <translation>一条弯曲狭窄的山谷，通向 (1, 1) 处的最小值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="404" />
            <source>Flat plateaus and steep walls; the minimum is at (3, 0.5)</source>
            <translation>平坦的高原加陡峭的崖壁；最小值在 (3, 0.5)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="405" />
            <source>Four minima: which one a racer finds depends on its path</source>
            <translation>四个极小值：优化器找到哪一个取决于它走的路径</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="406" />
            <source>The gradient vanishes at (0, 0), but it is a saddle: a tiny y grows and escapes</source>
            <translation>梯度在 (0, 0) 处为零，但那是鞍点：一点点 y 分量就会增长并逃离</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="407" />
            <source>oscillating: {details}</source>
            <translation>振荡：{details}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="408" />
            <source>in {name} the step reversed direction {total} times (steps {first}–{last} in a row)</source>
            <translation>在 {name} 方向上步子反向了 {total} 次（第 {first}–{last} 步连续发生）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="409" />
            <source>passed near the saddle point {where}: it slowed to ‖∇f‖ = {norm} at step {step}, then escaped along {direction}, where f curves down</source>
            <translation>经过鞍点 {where} 附近：在第 {step} 步减速到 ‖∇f‖ = {norm}，随后沿 f 向下弯曲的方向 {direction} 逃离</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="413" />
            <source>stuck at a local maximum at {where} ({second} &lt; 0): any nudge escapes</source>
            <translation>停在 {where} 处的局部极大值（{second} &lt; 0）：任何微小扰动都会使它离开</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="414" />
            <source>stopped at a flat critical point at {where} ({second}): f′ = 0 and the second derivative test cannot tell its kind</source>
            <translation>停在 {where} 处的平坦临界点（{second}）：f′ = 0，二阶导数判别法无法判断其类型</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="418" />
            <source>stuck at a local maximum at {where} (curvatures {curvatures}, all negative)</source>
            <translation>停在 {where} 处的局部极大值（曲率 {curvatures}，全为负）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="419" />
            <source>stuck at a saddle point at {where}: f curves up along {up} and down along {down}; a nudge along the second escapes</source>
            <translation>停在 {where} 处的鞍点：f 沿 {up} 向上弯曲，沿 {down} 向下弯曲；沿后一个方向轻推一下就会逃离</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="423" />
            <source>stopped at a degenerate critical point at {where} (curvatures {curvatures}): the second derivative test cannot tell its kind</source>
            <translation>停在 {where} 处的退化临界点（曲率 {curvatures}）：二阶导数判别法无法判断其类型</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="427" />
            <source>∇f is undefined there (f has no slope at that point)</source>
            <translation>那里 ∇f 无定义（f 在该点没有斜率）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="428" />
            <source>f is infinite there (a pole)</source>
            <translation>那里 f 为无穷大（极点）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="429" />
            <source>f is undefined there (a pole or outside f's domain)</source>
            <translation>那里 f 无定义（极点，或在 f 的定义域之外）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="430" />
            <source>cannot start at {where}: {what}</source>
            <translation>无法从 {where} 出发：{what}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="431" />
            <source>stopped at step {step}: it reached {where}, and {what}</source>
            <translation>在第 {step} 步停止：它到达了 {where}，而{what}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="432" />
            <source>diverged at step {step}: the point overflowed</source>
            <translation>在第 {step} 步发散：点的坐标溢出了</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="433" />
            <source>diverged at step {step}: the steps grew without bound, to {where} with f = {f}; the learning rate is too large for this curvature: reduce it</source>
            <translation>在第 {step} 步发散：步子无限增大，到达 {where}，f = {f}；对这样的曲率来说学习率太大了：请减小它</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="437" />
            <source>diverging to −∞, stopped at step {step}: it left every bound at {where} with f = {f}; f decreases without end in this direction, so there is no minimum to find there</source>
            <translation>正在发散到 −∞，在第 {step} 步停止：它在 {where} 处（f = {f}）离开了所有范围；f 在这个方向上无止境地减小，所以那里没有最小值可找</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="441" />
            <source>diverged at step {step}: {reason} (f rose from {start} to {end}); reduce the learning rate</source>
            <translation>在第 {step} 步发散：{reason}（f 从 {start} 升到 {end}）；请减小学习率</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="444" />
            <source>learning rate too large for this curvature: each step jumps past the minimum and lands higher up the other side</source>
            <translation>对这样的曲率来说学习率太大：每一步都越过最小值，落在另一侧更高的地方</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="448" />
            <source>the loss keeps rising: the steps are too large (learning rate or momentum)</source>
            <translation>损失一直在上升：步子太大了（学习率或动量）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="449" />
            <source>{note}; AdamW first shrank θ by the factor 1 − η·λ = {factor}</source>
            <translation>{note}；AdamW 先把 θ 乘以缩小因子 1 − η·λ = {factor}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="451" />
            <source>Constant rule</source>
            <translation>常数法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="452" />
            <source>Variable rule</source>
            <translation>自变量法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="453" />
            <source>Power rule</source>
            <translation>幂法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="454" />
            <source>Chain rule with the power rule</source>
            <translation>链式法则与幂法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="455" />
            <source>Constant multiple rule</source>
            <translation>常数倍法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="456" />
            <source>Constant multiple rule (c = −1)</source>
            <translation>常数倍法则（c = −1）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="457" />
            <source>Sum rule</source>
            <translation>和法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="458" />
            <source>Difference rule</source>
            <translation>差法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="459" />
            <source>Product rule</source>
            <translation>乘积法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="460" />
            <source>Quotient rule</source>
            <translation>商法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="461" />
            <source>Exponential rule</source>
            <translation>指数函数法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="462" />
            <source>Chain rule with the exponential rule</source>
            <translation>链式法则与指数函数法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="463" />
            <source>General power rule (logarithmic differentiation)</source>
            <translation>一般幂法则（对数求导法）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="464" />
            <source>Common derivative</source>
            <translation>常见导数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="465" />
            <source>Chain rule</source>
            <translation>链式法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="466" />
            <source>Piecewise-constant function</source>
            <translation>分段常数函数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="467" />
            <source>Natural logarithm rule</source>
            <translation>自然对数法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="468" />
            <source>Logarithm rule (base a)</source>
            <translation>对数法则（底数为 a）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="469" />
            <source>Derivative of {name}</source>
            <translation>{name} 的导数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="470" />
            <source>Chain rule with the derivative of {name}</source>
            <translation>链式法则与 {name} 的导数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="471" />
            <source>Chain rule with two arguments</source>
            <translation>两个自变量的链式法则</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="472" />
            <source>Chain rule with the partial derivatives of {name}</source>
            <translation>链式法则与 {name} 的偏导数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="473" />
            <source>{function} has a kink where {where}: no derivative there</source>
            <translation>{function} 在 {where} 处有折点：那里导数不存在</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="474" />
            <source>{function} is not differentiable at its jumps; its slope is 0 elsewhere</source>
            <translation>{function} 在跳跃点不可导；其他地方斜率为 0</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="475" />
            <source>{function} = 0 between jumps, undefined at a jump</source>
            <translation>{function} 在跳跃点之间为 0，在跳跃点无定义</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="476" />
            <source>{name} does not depend on {variable}: it is a constant here</source>
            <translation>{name} 不依赖于 {variable}：在这里它是常数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="477" />
            <source>this part does not depend on {variable}</source>
            <translation>这一部分不依赖于 {variable}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="479" />
            <source>f jumps at {where}, so it has no tangent there</source>
            <translation>f 在 {where} 处跳跃，所以那里没有切线</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="480" />
            <source>f jumps at {where}, so it has no tangent there ({names}: not differentiable at its jumps, slope 0 elsewhere)</source>
            <translation>f 在 {where} 处跳跃，所以那里没有切线（{names}：在跳跃点不可导，其他地方斜率为 0）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="484" />
            <source>{call} has a corner at {where}: left slope {left}, right slope {right}</source>
            <translation>{call} 在 {where} 处有尖角：左斜率 {left}，右斜率 {right}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="485" />
            <source>f has a corner at {where} (from {call}): left slope {left}, right slope {right}</source>
            <translation>f 在 {where} 处有尖角（来自 {call}）：左斜率 {left}，右斜率 {right}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="486" />
            <source>f has a corner at {where}: left slope {left}, right slope {right}</source>
            <translation>f 在 {where} 处有尖角：左斜率 {left}，右斜率 {right}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="487" />
            <source>At {at} the three derivatives disagree: {cause}</source>
            <translation>在 {at} 处三种导数不一致：{cause}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="488" />
            <source>At {at} the three derivatives disagree: {call} has a kink there</source>
            <translation>在 {at} 处三种导数不一致：{call} 在那里有折点</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="489" />
            <source>At {at} the derivative does not exist (kink of {call}); all three methods report the convention value {value}</source>
            <translation>在 {at} 处导数不存在（{call} 的折点）；三种方法都给出约定值 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="493" />
            <source>At {at} the kinks cancel, so f′ exists (central difference {central}); the formula and reverse mode give {value}, the kinks' convention value</source>
            <translation>在 {at} 处折点相互抵消，所以 f′ 存在（中心差分为 {central}）；公式和反向模式给出的是折点的约定值 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="497" />
            <source>the derivative's formula is undefined there (such as 0·∞) although f is defined; central differences give {value}</source>
            <translation>尽管 f 有定义，导数公式在那里却无定义（例如 0·∞）；中心差分给出 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="501" />
            <source>the symbolic formula gives {symbolic}, reverse mode gives {reverse}</source>
            <translation>符号公式给出 {symbolic}，反向模式给出 {reverse}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="502" />
            <source>f jumps there (a piecewise-constant function is not differentiable at its jumps)</source>
            <translation>f 在那里跳跃（分段常数函数在跳跃点不可导）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="503" />
            <source>f changes too fast there for the finite-difference step</source>
            <translation>f 在那里变化太快，有限差分的步长跟不上</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="505" />
            <source>This is not a Calculus Explorer session (it is not a JSON object).</source>
            <translation>这不是 Calculus Explorer 的会话文件（它不是 JSON 对象）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="506" />
            <source>This session was saved in an older format (version {version}); it was updated. Saving keeps a copy of the original beside it.</source>
            <translation>这个会话以旧格式（版本 {version}）保存，已经更新。保存时会在旁边保留一份原文件的副本。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="510" />
            <source>'{name}' is not a file that can be opened as a session.</source>
            <translation>“{name}”不是可以作为会话打开的文件。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="511" />
            <source>'{name}' is empty: it holds no session (perhaps a save was interrupted).</source>
            <translation>“{name}”是空的：里面没有会话（也许保存时被中断了）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="512" />
            <source>'{name}' is {size} MB; a session file is at most {max} MB, so this is not one.</source>
            <translation>“{name}”有 {size} MB；会话文件最多 {max} MB，所以这不是会话文件。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="513" />
            <source>'{name}' no longer exists.</source>
            <translation>“{name}”已经不存在了。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="514" />
            <source>'{name}' cannot be read (permission denied).</source>
            <translation>无法读取“{name}”（没有权限）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="515" />
            <source>'{name}' is a folder, not a session file.</source>
            <translation>“{name}”是文件夹，不是会话文件。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="516" />
            <source>'{name}' cannot be read: {reason}.</source>
            <translation>无法读取“{name}”：{reason}。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="517" />
            <source>A session file is at most {max} MB; this is larger.</source>
            <translation>会话文件最多 {max} MB；这个文件更大。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="518" />
            <source>The file is empty: it holds no session.</source>
            <translation>文件是空的：里面没有会话。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="519" />
            <source>This is not a Calculus Explorer session (it is not JSON text).</source>
            <translation>这不是 Calculus Explorer 的会话文件（它不是 JSON 文本）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="520" />
            <source>This is not a Calculus Explorer session (it is not UTF-8 text).</source>
            <translation>这不是 Calculus Explorer 的会话文件（它不是 UTF-8 文本）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="521" />
            <source>The file is damaged (line {line}, column {column}): {reason}. Nothing was changed.</source>
            <translation>文件已损坏（第 {line} 行第 {column} 列）：{reason}。没有做任何改动。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="522" />
            <source>The file is damaged: it holds a value that cannot be read.</source>
            <translation>文件已损坏：其中有一个无法读取的值。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="523" />
            <source>The file names '{key}' twice in one place, so it is ambiguous; it was not opened.</source>
            <translation>文件在同一处两次写了“{key}”，含义不明确；没有打开它。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="524" />
            <source>The file holds {name}, which is not a number a session can contain.</source>
            <translation>文件中含有 {name}，这不是会话可以包含的数。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="525" />
            <source>The file holds the number {number}…, beyond what a session can hold.</source>
            <translation>文件中含有数 {number}…，超出了会话能保存的范围。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="526" />
            <source>This is not a Calculus Explorer session (it has no 'format' and 'version').</source>
            <translation>这不是 Calculus Explorer 的会话文件（它没有“format”和“version”）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="527" />
            <source>This is not a Calculus Explorer session (format {format}).</source>
            <translation>这不是 Calculus Explorer 的会话文件（格式为 {format}）。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="528" />
            <source>{path}: expected a whole number, got {value}.</source>
            <translation>{path}：应为整数，实际为 {value}。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="529" />
            <source>Saved by a newer version of Calculus Explorer (format {version}; this app reads up to {supported}). Update the app to open it; the file was not changed.</source>
            <translation>此文件由更新版本的 Calculus Explorer 保存（格式 {version}；本程序最多读取到 {supported}）。请更新程序后再打开；文件没有被改动。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="533" />
            <source>{path}: {version} is not a session format version.</source>
            <translation>{path}：{version} 不是会话格式的版本号。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="534" />
            <source>{path}: expected an object, got {kind}.</source>
            <translation>{path}：应为对象，实际为{kind}。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="535" />
            <source>{path}: expected a list, got {kind}.</source>
            <translation>{path}：应为列表，实际为{kind}。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="536" />
            <source>{path}: {count} panels; a session has at most {max}.</source>
            <translation>{path}：有 {count} 个面板；一个会话最多 {max} 个。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="537" />
            <source>{path}: expected an object with the panel's name.</source>
            <translation>{path}：应为带有面板名称的对象。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="538" />
            <source>{path}: expected text, got {kind}.</source>
            <translation>{path}：应为文本，实际为{kind}。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="539" />
            <source>{path}: {count} characters; at most {max}.</source>
            <translation>{path}：有 {count} 个字符；最多 {max} 个。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="540" />
            <source>{path}: at most {max} parameters.</source>
            <translation>{path}：最多 {max} 个参数。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="541" />
            <source>{path}: expected a number; it starts at 1.</source>
            <translation>{path}：应为数；它从 1 开始。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="542" />
            <source>{path}: a broken character was replaced by '?'.</source>
            <translation>{path}：一个损坏的字符被替换成了“?”。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="543" />
            <source>{error}; it keeps its default.</source>
            <translation>{error}；它保留默认值。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="544" />
            <source>{error}; the {title} panel starts with its defaults.</source>
            <translation>{error}；{title}面板以默认设置启动。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="545" />
            <source>Could not save '{name}': {reason}. The file on disk was not changed.</source>
            <translation>无法保存“{name}”：{reason}。磁盘上的文件没有被改动。</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="546" />
            <source>an object</source>
            <translation>对象</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="547" />
            <source>a list</source>
            <translation>列表</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="548" />
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="549" />
            <source>true/false</source>
            <translation>真/假值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="550" />
            <source>a number</source>
            <translation>数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="551" />
            <source>null</source>
            <translation>null</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="552" />
            <source>{path}: expected an object, got {kind}</source>
            <translation>{path}：应为对象，实际为 {kind}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="553" />
            <source>{path}: unknown key {key} (known: {names})</source>
            <translation>{path}：未知的键 {key}（已知的键：{names}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="554" />
            <source>{path}: expected a list, got {value}</source>
            <translation>{path}：应为列表，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="555" />
            <source>{path}: expected true or false, got {value}</source>
            <translation>{path}：应为 true 或 false，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="556" />
            <source>{path}: expected a whole number, got {value}</source>
            <translation>{path}：应为整数，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="557" />
            <source>{path}: expected text, got {value}</source>
            <translation>{path}：应为文本，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="558" />
            <source>{path}: expected a number, got {value}</source>
            <translation>{path}：应为数，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="559" />
            <source>{path}: expected a finite number, got {value}</source>
            <translation>{path}：应为有限数，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="560" />
            <source>{path}: expected a list of {count} items, got {value}</source>
            <translation>{path}：应为含 {count} 项的列表，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="562" />
            <source>$.{path}: {error}</source>
            <translation>$.{path}：{error}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="563" />
            <source>detach must list definition names</source>
            <translation>detach 必须列出定义的名称</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="564" />
            <source>inputs name the same input twice</source>
            <translation>inputs 两次列出了同一个输入</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="565" />
            <source>rule_seed must be between 0 and 2³² − 1</source>
            <translation>rule_seed 必须在 0 到 2³² − 1 之间</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="566" />
            <source>speed and tolerance must be positive</source>
            <translation>speed 和 tolerance 必须为正</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="567" />
            <source>theta must be a finite number</source>
            <translation>theta 必须是有限数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="568" />
            <source>colours: {colour} is not a colour like #1a2b3c</source>
            <translation>colours：{colour} 不是形如 #1a2b3c 的颜色</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="569" />
            <source>curves: at most {max} besides f</source>
            <translation>curves：除 f 外最多 {max} 条</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="570" />
            <source>frame must be between 0 and steps ({steps}), got {frame}</source>
            <translation>frame 必须在 0 到 steps（{steps}）之间，实际为 {frame}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="571" />
            <source>ftc_x must be a number from {low} to {high}</source>
            <translation>ftc_x 必须是 {low} 到 {high} 之间的数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="572" />
            <source>input name {name} is not a name</source>
            <translation>输入名 {name} 不是合法的名称</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="573" />
            <source>input {name}: {message}</source>
            <translation>输入 {name}：{message}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="574" />
            <source>mode must be one of {names} (got {value})</source>
            <translation>mode 必须是 {names} 之一（实际为 {value}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="575" />
            <source>n must be a whole number from 1 to {max} (got {value})</source>
            <translation>n 必须是 1 到 {max} 之间的整数（实际为 {value}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="576" />
            <source>rule must be one of {names} (got {value})</source>
            <translation>rule 必须是 {names} 之一（实际为 {value}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="577" />
            <source>rule_sizes must be between 1 and {max}</source>
            <translation>rule_sizes 必须在 1 到 {max} 之间</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="578" />
            <source>seed must be a whole number from 0 to {max}</source>
            <translation>seed 必须是 0 到 {max} 之间的整数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="579" />
            <source>selected: {value} is not a curve index</source>
            <translation>selected：{value} 不是曲线的序号</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="580" />
            <source>shading: {value} is not one of {names}</source>
            <translation>shading：{value} 不是 {names} 之一</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="581" />
            <source>start must be one or two finite numbers, got {value}</source>
            <translation>start 必须是一个或两个有限数，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="582" />
            <source>step must be a whole number from 0 to {max}</source>
            <translation>step 必须是 0 到 {max} 之间的整数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="583" />
            <source>steps must be between 0 and {max}, got {value}</source>
            <translation>steps 必须在 0 到 {max} 之间，实际为 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="584" />
            <source>tolerance must be a positive number up to {max}</source>
            <translation>tolerance 必须是不超过 {max} 的正数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="585" />
            <source>view must be one of {names} (got {value})</source>
            <translation>view 必须是 {names} 之一（实际为 {value}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="586" />
            <source>{name} must be a number from {low} to {high} (got {value})</source>
            <translation>{name} 必须是 {low} 到 {high} 之间的数（实际为 {value}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="587" />
            <source>{name} must be finite numbers</source>
            <translation>{name} 必须是有限数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="588" />
            <source>{name} must run from a smaller to a larger number</source>
            <translation>{name} 必须从较小的数到较大的数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="590" />
            <source>minimum at {where}, f = {value}: Hessian eigenvalues {low} and {high} are both positive</source>
            <translation>极小值点 {where}，f = {value}：黑塞矩阵的特征值 {low} 和 {high} 都为正</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="593" />
            <source>maximum at {where}, f = {value}: Hessian eigenvalues {low} and {high} are both negative</source>
            <translation>极大值点 {where}，f = {value}：黑塞矩阵的特征值 {low} 和 {high} 都为负</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="596" />
            <source>saddle at {where}, f = {value}: Hessian eigenvalues {low} and {high} have opposite signs</source>
            <translation>鞍点 {where}，f = {value}：黑塞矩阵的特征值 {low} 和 {high} 异号</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="599" />
            <source>degenerate at {where}, f = {value}: a Hessian eigenvalue is 0 ({low}, {high}): the test is inconclusive</source>
            <translation>退化临界点 {where}，f = {value}：黑塞矩阵有一个特征值为 0（{low}，{high}）：判别法无法判断</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="604" />
            <source>{kind} · requires_grad=False</source>
            <translation>{kind} · requires_grad=False</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="605" />
            <source>{title}  ({subtitle})</source>
            <translation>{title}  （{subtitle}）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="606" />
            <source>value = {value}</source>
            <translation>值 = {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="607" />
            <source>op: {op}</source>
            <translation>运算：{op}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="608" />
            <source>adds {value}</source>
            <translation>贡献 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="609" />
            <source>adds {value} to ∂{output}/∂{name}</source>
            <translation>为 ∂{output}/∂{name} 贡献 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="610" />
            <source>detach(): no gradient</source>
            <translation>detach()：没有梯度</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="611" />
            <source>detach(): no gradient flows back</source>
            <translation>detach()：梯度不会回传</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="612" />
            <source>{partial}: detach(): no gradient flows back</source>
            <translation>{partial}：detach()：梯度不会回传</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="613" />
            <source>{partial} = {value} (vector)</source>
            <translation>{partial} = {value}（向量）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="614" />
            <source>= {value} (vector)</source>
            <translation>= {value}（向量）</translation>
        </message>
    </context>
</TS>

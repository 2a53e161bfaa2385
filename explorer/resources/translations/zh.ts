<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>LanguageMenu</name>
        <message>
            <location filename="../../ui/i18n.py" line="353" />
            <source>&amp;Language</source>
            <translation>语言(&amp;G)</translation>
        </message>
    </context>
    <context>
        <name>LessonsDock</name>
        <message>
            <location filename="../../ui/lessons_pane.py" line="93" />
            <source>Lessons</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="94" />
            <source>&amp;Lessons</source>
            <translation>课程(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="194" />
            <source>This app has no {tab} tab.</source>
            <translation>本应用没有“{tab}”页。</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="206" />
            <source>the notes</source>
            <translation>笔记</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="206" />
            <source>the lesson</source>
            <translation>本课</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="207" />
            <source>Check</source>
            <translation>核对</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="211" />
            <source>this app</source>
            <translation>本应用</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="215" />
            <source>f(x) is not used on the {tab} tab, which has its own input</source>
            <translation>“{tab}”页不使用 f(x)，它有自己的输入框</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="217" />
            <source>; f(x) drives the {tab} tab</source>
            <translation>；f(x) 用于“{tab}”页</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="219" />
            <source>; f(x) drives the {tabs} tabs</source>
            <translation>；f(x) 用于{tabs}页</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="243" />
            <source>&amp;Export Image…</source>
            <translation>导出图片(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="245" />
            <source>&amp;Copy Image</source>
            <translation>复制图片(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="246" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="250" />
            <source>Edit &amp;Expression</source>
            <translation>编辑表达式(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="253" />
            <source>&amp;Full Screen</source>
            <translation>全屏(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="256" />
            <source>&amp;About Calculus Explorer</source>
            <translation>关于 Calculus Explorer(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="259" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="262" />
            <source>Expression &amp;Syntax</source>
            <translation>表达式语法(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="270" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="276" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="280" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="307" />
            <source>There is no panel to export</source>
            <translation>没有可导出的面板</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="314" />
            <source>Exported {path} ({width}×{height})</source>
            <translation>已导出 {path}（{width}×{height}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="327" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="342" />
            <source>Copied the plot to the clipboard ({width}×{height})</source>
            <translation>已将图像复制到剪贴板（{width}×{height}）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="355" />
            <source>About {app}</source>
            <translation>关于 {app}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="357" />
            <source>Explore the calculus behind deep learning: derivatives and the limit h→0, tangent lines and the rules step by step, the chain rule, and backpropagation stepped through a computational graph on a PyTorch-style autograd core.</source>
            <translation>探索深度学习背后的微积分：导数与极限 h→0、切线与求导法则的逐步推导、链式法则，以及在 PyTorch 风格的自动微分内核上沿计算图逐步进行的反向传播。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="363" />
            <source>Built with PySide6, pyqtgraph, NumPy and SymPy.</source>
            <translation>基于 PySide6、pyqtgraph、NumPy 和 SymPy 构建。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="369" />
            <source>Enter</source>
            <translation>回车</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="369" />
            <source>Plot the expression now (typing plots after a short pause)</source>
            <translation>立即绘制表达式（输入后稍停也会自动绘制）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="384" />
            <source>Keyboard Shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="431" />
            <source>{names} and {last}</source>
            <translation>{names}和{last}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="431" />
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>PredictionBox</name>
        <message>
            <location filename="../../ui/lessons_pane.py" line="252" />
            <source>Predict</source>
            <translation>预测</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="257" />
            <source>your prediction, e.g. -2048 or 1/3</source>
            <translation>你的预测，例如 -2048 或 1/3</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="258" />
            <source>Reveal</source>
            <translation>揭晓</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="273" />
            <source>Type a number first: predicting is the point.</source>
            <translation>请先输入一个数：先预测才是关键。</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="285" />
            <source>Right: {answer}.</source>
            <translation>正确：{answer}。</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="290" />
            <source>The answer is {answer}. Your {guess} looks like {mistake}.</source>
            <translation>答案是 {answer}。你的 {guess} 看起来是因为{mistake}。</translation>
        </message>
        <message>
            <location filename="../../ui/lessons_pane.py" line="298" />
            <source>The answer is {answer}.</source>
            <translation>答案是 {answer}。</translation>
        </message>
    </context>
    <context>
        <name>SessionDocument</name>
        <message>
            <location filename="../../ui/session_document.py" line="33" />
            <source>Calculus Explorer sessions (*.calcx);;All files (*)</source>
            <translation>Calculus Explorer 会话 (*.calcx);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="58" />
            <location filename="../../ui/session_document.py" line="181" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="88" />
            <source>&amp;New Session</source>
            <translation>新建会话(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="90" />
            <source>&amp;Open Session…</source>
            <translation>打开会话(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="91" />
            <source>&amp;Save Session</source>
            <translation>保存会话(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="93" />
            <source>Save Session &amp;As…</source>
            <translation>会话另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="96" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="99" />
            <source>Open &amp;Example</source>
            <translation>打开示例(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="120" />
            <source>No recent sessions</source>
            <translation>没有最近的会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="123" />
            <source>Clear Recent</source>
            <translation>清除最近记录</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="188" />
            <source>Open Session</source>
            <translation>打开会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="202" />
            <source>Could not open the session</source>
            <translation>无法打开会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="217" />
            <source>Could not open the example</source>
            <translation>无法打开示例</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="220" />
            <source>{title} (example)</source>
            <translation>{title}（示例）</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="229" />
            <source>Opened with changes</source>
            <translation>已打开，但有改动</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="241" />
            <source>Save Session</source>
            <translation>保存会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="257" />
            <source>Could not save the session</source>
            <translation>无法保存会话</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="282" />
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="283" />
            <source>Save the changes to {name} before going on?</source>
            <translation>继续之前，是否保存对“{name}”的更改？</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="405" />
            <source>Restore unsaved work?</source>
            <translation>恢复未保存的工作？</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="407" />
            <source>Calculus Explorer did not close properly last time. Restore the work it saved automatically?</source>
            <translation>Calculus Explorer 上次没有正常关闭。要恢复它自动保存的工作吗？</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="412" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="413" />
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="431" />
            <source>Could not restore the autosave</source>
            <translation>无法恢复自动保存</translation>
        </message>
        <message>
            <location filename="../../ui/session_document.py" line="436" />
            <source>Recovered</source>
            <translation>已恢复</translation>
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
            <source>'{name}' needs an argument, e.g. {example}</source>
            <translation>“{name}”需要一个参数，例如 {example}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="34" />
            <source>'{name}' needs parentheses: write {example}</source>
            <translation>“{name}”需要括号：请写 {example}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="35" />
            <source>'{name}' needs an argument in parentheses, e.g. {example}</source>
            <translation>“{name}”需要一个放在括号里的参数，例如 {example}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="36" />
            <source>'{name}' is not a number you can use here; use finite numbers</source>
            <translation>“{name}”不是这里能用的数；请使用有限的数</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="37" />
            <source>'#' is not allowed: comments are not part of a formula</source>
            <translation>不允许使用“#”：注释不属于公式</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="38" />
            <source>'.' cannot follow a name: there is no attribute access in a formula</source>
            <translation>名称后面不能跟“.”：公式里没有属性访问</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="39" />
            <source>';' is not allowed: write one expression (put each definition on its own line)</source>
            <translation>不允许使用“;”：请只写一个表达式（每个定义单独一行）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="40" />
            <source>'=' is only allowed in a leading 'y =' or 'f(x) =' prefix; type just the expression</source>
            <translation>“=”只能出现在开头的“y =”或“f(x) =”中；请只输入表达式</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="41" />
            <source>Character '{char}' ({unicode}) is not allowed; type {replacement} instead</source>
            <translation>不允许使用字符“{char}”（{unicode}）；请改为输入 {replacement}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="42" />
            <source>Character '{char}' ({unicode}) is not allowed; type the plain letter '{letter}' instead</source>
            <translation>不允许使用字符“{char}”（{unicode}）；请改为输入普通字母“{letter}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="43" />
            <source>{power} has no real value; use cbrt({base})</source>
            <translation>{power} 没有实数值；请用 cbrt({base})</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="44" />
            <source>{power} is too small (more than 300 zeros after the point)</source>
            <translation>{power} 太小（小数点后超过 300 个零）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="45" />
            <source>{power} is too large (more than 300 digits)</source>
            <translation>{power} 太大（超过 300 位数字）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="46" />
            <source>Division by zero</source>
            <translation>除以零</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="47" />
            <source>Division by zero: {part} is always 0</source>
            <translation>除以零：{part} 恒等于 0</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="48" />
            <source>Empty parentheses</source>
            <translation>括号里是空的</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="49" />
            <source>Exponent {value} is too large (max 1000)</source>
            <translation>指数 {value} 太大（最大 1000）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="50" />
            <source>Expression ends too early: missing a value after {after}</source>
            <translation>表达式提前结束：{after} 后面缺少一个值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="51" />
            <source>Expression is nested too deeply (max {depth} levels)</source>
            <translation>表达式嵌套太深（最多 {depth} 层）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="52" />
            <source>{what} is too long ({count} characters, max {max})</source>
            <translation>{what}太长（{count} 个字符，最多 {max} 个）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="53" />
            <source>Expression has too many parts (more than {max} tokens)</source>
            <translation>表达式的组成部分太多（超过 {max} 个记号）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="54" />
            <source>Factorial '!' is not supported</source>
            <translation>不支持阶乘“!”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="55" />
            <source>Inequalities (&lt;, &gt;) are not supported; type an expression such as x - 1</source>
            <translation>不支持不等式（&lt;、&gt;）；请输入表达式，例如 x - 1</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="56" />
            <source>Missing a value after '{token}'</source>
            <translation>“{token}”后面缺少一个值</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="57" />
            <source>Missing '{closer}' for the '{opener}'</source>
            <translation>缺少与“{opener}”配对的“{closer}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="58" />
            <source>Missing '{closer}' to close the '{opener}'</source>
            <translation>缺少闭合“{opener}”的“{closer}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="59" />
            <source>Number has too many digits ({count}, max {max})</source>
            <translation>数字位数太多（{count} 位，最多 {max} 位）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="60" />
            <source>This panel uses x; the expression also contains {name}</source>
            <translation>本面板只使用 x；表达式里还含有 {name}</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="61" />
            <source>Two numbers in a row; add an operator</source>
            <translation>两个数字连在一起；请加上运算符</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="62" />
            <source>Unmatched '{token}'</source>
            <translation>没有配对的“{token}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="63" />
            <source>Use round brackets ( ) for grouping, not '{token}'</source>
            <translation>分组请用圆括号 ( )，而不是“{token}”</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="64" />
            <source>log(0) is undefined (it is infinite)</source>
            <translation>log(0) 无定义（它是无穷大）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="65" />
            <source>{call} is undefined (a vertical asymptote)</source>
            <translation>{call} 无定义（垂直渐近线）</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="66" />
            <source>Up to two primes: {name}'(x) or {name}''(x)</source>
            <translation>最多两个撇号：{name}'(x) 或 {name}''(x)</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="67" />
            <source>The result is too large to compute exactly</source>
            <translation>结果太大，无法精确计算</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="68" />
            <source>Expression</source>
            <translation>表达式</translation>
        </message>
        <message>
            <location filename="../../ui/core_messages.py" line="69" />
            <source>Program</source>
            <translation>程序</translation>
        </message>
    </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LessonsDock</name>
    <message>
        <location filename="../../ui/lessons_pane.py" line="154"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="155"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="156"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="221"/>
        <source>This app has no %1 tab.</source>
        <translation>本应用没有“%1”页。</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="233"/>
        <source>the notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="233"/>
        <source>the lesson</source>
        <translation>本课</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="234"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="238"/>
        <source>this app</source>
        <translation>本应用</translation>
    </message>
</context>
<context>
    <name>PredictionBox</name>
    <message>
        <location filename="../../ui/lessons_pane.py" line="283"/>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="288"/>
        <source>your prediction, e.g. -2048 or 1/3</source>
        <translation>你的预测，例如 -2048 或 1/3</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="289"/>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="304"/>
        <source>Type a number first: predicting is the point.</source>
        <translation>请先输入一个数：先预测才是关键。</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="314"/>
        <source>Right: %1.</source>
        <translation>正确：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="319"/>
        <source>The answer is %1. Your %2 looks like %3.</source>
        <translation>答案是 %1。你的 %2 看起来是因为%3。</translation>
    </message>
    <message>
        <location filename="../../ui/lessons_pane.py" line="325"/>
        <source>The answer is %1.</source>
        <translation>答案是 %1。</translation>
    </message>
</context>
</TS>

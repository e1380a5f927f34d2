<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../errors.py" line="80" />
        <source>Errors</source>
        <comment>Something went wrong</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="81" />
        <source>Errors</source>
        <comment>“%1” failed: %2</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="83" />
        <source>Errors</source>
        <comment>Your document is still open; save it under a new name if in doubt.</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../errors.py" line="85" />
        <source>Errors</source>
        <comment>Details were written to %1</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ArticlesPanel</name>
    <message>
        <location filename="../panels.py" line="178" />
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../panels.py" line="178" />
        <source>Chars</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../panels.py" line="178" />
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../panels.py" line="188" />
        <location filename="../panels.py" line="287" />
        <source>Place into selected frame</source>
        <translation>放入所选文本框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="208" />
        <source>unplaced</source>
        <translation>未上版</translation>
    </message>
    <message>
        <location filename="../panels.py" line="210" />
        <source>overset %1 chars</source>
        <translation>溢出 %1 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="212" />
        <source>short %1 chars</source>
        <translation>欠 %1 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="214" />
        <source>fits</source>
        <translation>正好</translation>
    </message>
    <message>
        <location filename="../panels.py" line="265" />
        <source>Pick a story here and select one empty text frame on the page, or drag the story onto one</source>
        <translation>在此选一篇稿件，并在版面上选中一个空文本框；也可把稿件拖到空文本框上</translation>
    </message>
    <message>
        <location filename="../panels.py" line="290" />
        <source>Open in story editor</source>
        <translation>在稿件编辑器中打开</translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message>
        <location filename="../dialogs.py" line="22" />
        <location filename="../dialogs.py" line="119" />
        <location filename="../dialogs.py" line="136" />
        <location filename="../dialogs.py" line="155" />
        <source>Export PDF</source>
        <translation>输出 PDF</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="32" />
        <location filename="../dialogs.py" line="58" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="36" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="38" />
        <source>all (e.g. 1,3-4)</source>
        <translation>全部（如 1,3-4）</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="39" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="40" />
        <source>Crop and registration marks, colour bar, slug</source>
        <translation>裁切线、套准线、色标、版尾信息</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="42" />
        <source>Marks</source>
        <translation>印刷标记</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="46" />
        <source>Plain PDF</source>
        <translation>普通 PDF</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="47" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="53" />
        <source>Custom: the plant's own ICC profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs.py" line="54" />
        <source>Print condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs.py" line="57" />
        <source>the print condition's profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../dialogs.py" line="62" />
        <location filename="../dialogs.py" line="124" />
        <source>Output profile</source>
        <translation>输出特性文件</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="67" />
        <source>Total ink limit</source>
        <translation>总墨量上限</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="69" />
        <source>Export despite preflight errors</source>
        <translation>忽略印前检查错误，仍然输出</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="76" />
        <source>Export</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="113" />
        <source>Preflight: %1 errors, %2 warnings</source>
        <translation>印前检查：%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="137" />
        <source>Preflight found errors. Fix them or tick “Export despite preflight errors”.</source>
        <translation>印前检查发现错误。请先修正，或勾选“忽略印前检查错误，仍然输出”。</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="155" />
        <source>Export failed:</source>
        <translation>输出失败：</translation>
    </message>
</context>
<context>
    <name>ImportArticleDialog</name>
    <message>
        <location filename="../import_dialog.py" line="80" />
        <location filename="../import_dialog.py" line="230" />
        <source>Import article</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="87" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="88" />
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="89" />
        <source>Blocks</source>
        <translation>段落数</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="92" />
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="95" />
        <source>Normalise punctuation</source>
        <translation>规范标点</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="96" />
        <source>ASCII punctuation between Chinese characters to full width, quotes paired, dashes and ellipses, stray spaces removed</source>
        <translation>汉字间的半角标点改为全角，引号配对，破折号和省略号规范，删除多余空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="104" />
        <source>Role</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="104" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="117" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="117" />
        <source>Before → after</source>
        <translation>原文 → 改为</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="118" />
        <source>Normalisation rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="124" />
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="137" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="138" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="152" />
        <source>full-width punctuation</source>
        <translation>全角标点</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="152" />
        <source>paired quotes</source>
        <translation>引号配对</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="153" />
        <source>dash ——</source>
        <translation>破折号 ——</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="153" />
        <source>ellipsis ……</source>
        <translation>省略号 ……</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="154" />
        <source>space removed</source>
        <translation>删除空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="154" />
        <source>space kept</source>
        <translation>保留空格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="155" />
        <source>half-width digits and Latin</source>
        <translation>数字和字母改半角</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="174" />
        <source>Copied next to the layout; place them with Place image</source>
        <translation>已复制到版面文件旁；用“置入图片”放到版面上</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="190" />
        <source>(empty — to be written)</source>
        <translation>（空 —— 待编辑填写）</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="199" />
        <source>Normalisation: %1 changes</source>
        <translation>标点规范：%1 处修改</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="200" />
        <source>Normalisation: off</source>
        <translation>标点规范：关闭</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="203" />
        <source>line %1, col %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="205" />
        <source>a photo credit</source>
        <translation>摄影署名</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="205" />
        <source>a byline</source>
        <translation>作者行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="206" />
        <source>a list of names</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="206" />
        <source>a 《》 title</source>
        <translation>书名号内</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="207" />
        <source>a reporters' byline</source>
        <translation>记者署名</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="208" />
        <source>kept the space in %1</source>
        <translation>保留空格：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="162" />
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的修改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152" />
        <source>Banmian found changes to “%1” that were not saved (autosaved %2). Recover them?</source>
        <translation>发现“%1”有未保存的修改（自动保存于 %2）。要恢复吗？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151" />
        <source>an untitled page</source>
        <extracomment>every open editor window (one per document); a window leaves the list when it closes</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="159" />
        <source>The page on disk was saved later, at %1 (autosave: %2). Recovering shows the autosaved version; Undo gives back the one on disk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="209" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="210" />
        <source>Articles</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211" />
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212" />
        <source>Paragraph styles</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213" />
        <source>Preflight</source>
        <translation>印前检查</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <location filename="../main_window.py" line="362" />
        <source>Story editor</source>
        <translation>稿件编辑器</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="278" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279" />
        <source>New from template…</source>
        <translation>从模板新建…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="280" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="281" />
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="284" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285" />
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="286" />
        <location filename="../main_window.py" line="742" />
        <source>Revert</source>
        <translation>恢复到已保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="288" />
        <source>Import article…</source>
        <translation>导入稿件…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="289" />
        <source>Place image…</source>
        <translation>置入图片…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="291" />
        <source>Export PDF…</source>
        <translation>输出 PDF…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292" />
        <source>Export PNG proofs…</source>
        <translation>输出 PNG 校样…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="294" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="296" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="299" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="311" />
        <source>Select all on page</source>
        <translation>全选本版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="312" />
        <source>Select article</source>
        <translation>选择整篇稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="313" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="314" />
        <source>Unlink frame</source>
        <translation>断开串接</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="316" />
        <source>Language: Chinese / English (restart)</source>
        <translation>界面语言：中文 / 英文（重启生效）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="318" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="320" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="321" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="322" />
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="323" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="324" />
        <source>Actual size (100%)</source>
        <translation>实际大小（100%）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="326" />
        <source>Guides</source>
        <translation>参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="329" />
        <source>Baseline grid</source>
        <translation>基线网格</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="331" />
        <source>Frame edges</source>
        <translation>框边线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="334" />
        <source>Snap to grid and frames</source>
        <translation>对齐网格和框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="337" />
        <source>Preview (as printed)</source>
        <translation>预览（印刷效果）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="339" />
        <source>Soft proof (press colours)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="342" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345" />
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="346" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="347" />
        <source>Image frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349" />
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350" />
        <source>Link text frames</source>
        <translation>串接文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="351" />
        <source>Hand</source>
        <translation>抓手</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="352" />
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354" />
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361" />
        <source>T&amp;ype</source>
        <translation>文字(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="364" />
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="369" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="396" />
        <source>Move a frame 1 mm (Shift: 10 mm)</source>
        <translation>移动框 1 毫米（Shift：10 毫米）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="396" />
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="397" />
        <source>Pan while held</source>
        <translation>按住平移</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="397" />
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="398" />
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="398" />
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="399" />
        <source>Select the whole article</source>
        <translation>选择整篇稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="399" />
        <source>Alt+click</source>
        <translation>Alt+单击</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400" />
        <source>Add to / remove from selection</source>
        <translation>加选 / 减选</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="400" />
        <source>Shift+click</source>
        <translation>Shift+单击</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401" />
        <source>Constrain a move or keep proportions</source>
        <translation>限制方向 / 保持比例</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="401" />
        <source>Shift+drag</source>
        <translation>Shift+拖动</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="402" />
        <source>Open the frame's story at that character</source>
        <translation>在该字处打开框中稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="402" />
        <source>Double-click a text frame</source>
        <translation>双击文本框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="403" />
        <source>Move the picture inside its frame (crop)</source>
        <translation>在框内移动图片（裁切）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404" />
        <source>Ctrl+drag, or double-click the image frame and drag (Esc leaves)</source>
        <translation>Ctrl+拖动，或双击图片框后拖动（Esc 退出）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="420" />
        <location filename="../main_window.py" line="694" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="421" />
        <source>Banmian</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="428" />
        <source>Layout error: %1</source>
        <translation>排版错误：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="430" />
        <source>layout %1 ms</source>
        <translation>排版 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="512" />
        <source>Place image</source>
        <translation>置入图片</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="513" />
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="559" />
        <source>Image outside the layout folder</source>
        <translation>图片不在版面文件夹内</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="560" />
        <source>The image is outside the layout's folder. Allow its folder (%1) as a link folder of this page?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="575" />
        <location filename="../main_window.py" line="584" />
        <source>Import article</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="576" />
        <source>Articles (*.txt *.md *.docx)</source>
        <translation>稿件 (*.txt *.md *.docx)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="606" />
        <source>“%1” imported: drag it onto an empty text frame, or select one and choose Place into selected frame</source>
        <translation>已导入“%1”：把它拖到一个空文本框上，或选中空文本框后点“放入所选文本框”</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="625" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="625" />
        <source>Save the changes to this page first?</source>
        <translation>先保存对此版面的修改吗？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="642" />
        <location filename="../main_window.py" line="683" />
        <location filename="../main_window.py" line="749" />
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="668" />
        <source>Open page</source>
        <translation>打开版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="669" />
        <location filename="../main_window.py" line="695" />
        <source>Banmian pages (*.json)</source>
        <translation>版面文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="695" />
        <source>Save page as</source>
        <translation>版面另存为</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="711" />
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="720" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="728" />
        <source>The folder “%1” no longer exists; nothing was saved. Use Save As to save the page somewhere else.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="731" />
        <source>“%1” is read-only; it was not overwritten. Use Save As, or make the file writable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="734" />
        <source>“%1” could not be saved; the file on disk is unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="736" />
        <source>“%1” could not be saved; nothing was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="743" />
        <source>Discard every change since the last save?</source>
        <translation>放弃上次保存以来的全部修改？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="795" />
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="796" />
        <source>saved to %1 instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="797" />
        <source>no fallback location could be written either; save the page now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../main_window.py" line="839" />
        <source>Export PNG proofs</source>
        <translation>输出 PNG 校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="849" />
        <source>%1 proofs written</source>
        <translation>已输出 %1 张校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="855" />
        <source>The language changes at the next start.</source>
        <translation>界面语言将在下次启动时更改。</translation>
    </message>
</context>
<context>
    <name>NewFromTemplateDialog</name>
    <message>
        <location filename="../template_dialog.py" line="59" />
        <source>New from template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <location filename="../template_dialog.py" line="61" />
        <source>Choose a template for the new page:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../template_dialog.py" line="84" />
        <source>(mine)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../template_dialog.py" line="92" />
        <source>Blank page</source>
        <translation>空白版面</translation>
    </message>
</context>
<context>
    <name>PagesPanel</name>
    <message>
        <location filename="../panels.py" line="49" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../panels.py" line="50" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../panels.py" line="51" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../panels.py" line="106" />
        <source>Page %1</source>
        <translation>第 %1 版</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <location filename="../panels.py" line="631" />
        <source>page %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <location filename="../panels.py" line="643" />
        <source>%1 errors, %2 warnings</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <location filename="../panels.py" line="328" />
        <source>Width</source>
        <translation>宽</translation>
    </message>
    <message>
        <location filename="../panels.py" line="329" />
        <source>Height</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../panels.py" line="339" />
        <source>No wrap</source>
        <translation>不绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="340" />
        <source>Wrap around box</source>
        <translation>沿外框绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="342" />
        <location filename="../panels.py" line="343" />
        <source>Columns</source>
        <translation>栏数</translation>
    </message>
    <message>
        <location filename="../panels.py" line="344" />
        <source>Gutter</source>
        <translation>栏间距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="345" />
        <source>Inset</source>
        <translation>内边距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="346" />
        <source>Text wrap</source>
        <translation>文字绕排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="347" />
        <source>Wrap offset</source>
        <translation>绕排距离</translation>
    </message>
    <message>
        <location filename="../panels.py" line="352" />
        <source>Vertical text</source>
        <translation>竖排</translation>
    </message>
    <message>
        <location filename="../panels.py" line="354" />
        <source>Direction</source>
        <translation>排版方向</translation>
    </message>
    <message>
        <location filename="../panels.py" line="364" />
        <source>Fit (whole image)</source>
        <translation>适合（整图）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="365" />
        <source>Fill (crop)</source>
        <translation>填满（裁切）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="366" />
        <source>None (scale, offset)</source>
        <translation>不适合（缩放、偏移）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="368" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../panels.py" line="369" />
        <source>Effective ppi</source>
        <translation>有效分辨率</translation>
    </message>
    <message>
        <location filename="../panels.py" line="370" />
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <location filename="../panels.py" line="371" />
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../panels.py" line="402" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="402" />
        <source>Image frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="403" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../panels.py" line="403" />
        <source>Box</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="406" />
        <source>%1 frames selected</source>
        <translation>已选 %1 个框</translation>
    </message>
    <message>
        <location filename="../panels.py" line="407" />
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../panels.py" line="426" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../panels.py" line="439" />
        <source>missing file</source>
        <translation>文件缺失</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../labels.py" line="7" />
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="8" />
        <source>Headline</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="9" />
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="10" />
        <source>Byline</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../labels.py" line="11" />
        <source>Lead</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../labels.py" line="12" />
        <source>Paragraph</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../labels.py" line="13" />
        <source>Subhead</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14" />
        <source>Note</source>
        <translation>小编说</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15" />
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16" />
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17" />
        <source>Credit</source>
        <translation>摄影署名</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19" />
        <source>Header</source>
        <translation>报眉</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../dialogs.py" line="166" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="169" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="169" />
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SoftProofWindow</name>
    <message>
        <location filename="../softproof.py" line="23" />
        <source>Soft proof (press colours)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../softproof.py" line="30" />
        <source>Print condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../softproof.py" line="32" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../softproof.py" line="58" />
        <source>Nothing to proof: the document has no pages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../softproof.py" line="75" />
        <source>As printed on %1 (paper white and dot gain of the profile)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <location filename="../story_editor.py" line="266" />
        <source>Not placed</source>
        <translation>未上版</translation>
    </message>
    <message numerus="yes">
        <location filename="../story_editor.py" line="268" />
        <source>Overset: %n character(s)</source>
        <translation><numerusform>溢出 %n 字</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../story_editor.py" line="270" />
        <source>Short: %n character(s)</source>
        <translation><numerusform>欠 %n 字</numerusform></translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="272" />
        <source>Fits</source>
        <translation>正好</translation>
    </message>
</context>
<context>
    <name>StylesPanel</name>
    <message>
        <location filename="../panels.py" line="504" />
        <source>Song (宋体)</source>
        <translation>宋体</translation>
    </message>
    <message>
        <location filename="../panels.py" line="504" />
        <source>Hei (黑体)</source>
        <translation>黑体</translation>
    </message>
    <message>
        <location filename="../panels.py" line="505" />
        <source>Hei Bold (粗黑)</source>
        <translation>粗黑</translation>
    </message>
    <message>
        <location filename="../panels.py" line="505" />
        <source>Kai (楷体)</source>
        <translation>楷体</translation>
    </message>
    <message>
        <location filename="../panels.py" line="509" />
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../panels.py" line="510" />
        <source> em</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../panels.py" line="512" />
        <source>Justify</source>
        <translation>两端对齐</translation>
    </message>
    <message>
        <location filename="../panels.py" line="512" />
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <location filename="../panels.py" line="512" />
        <source>Center</source>
        <translation>居中</translation>
    </message>
    <message>
        <location filename="../panels.py" line="513" />
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <location filename="../panels.py" line="517" />
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../panels.py" line="518" />
        <source>Size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../panels.py" line="519" />
        <source>Leading</source>
        <translation>行距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="520" />
        <source>First-line indent</source>
        <translation>首行缩进</translation>
    </message>
    <message>
        <location filename="../panels.py" line="521" />
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <location filename="../panels.py" line="522" />
        <source>Space before</source>
        <translation>段前距</translation>
    </message>
    <message>
        <location filename="../panels.py" line="523" />
        <source>Space after</source>
        <translation>段后距</translation>
    </message>
</context>
</TS>
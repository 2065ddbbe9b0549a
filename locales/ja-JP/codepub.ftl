# codepub のメッセージ（日本語、ja-JP）。ここの各 ID は en-US/codepub.ftl にも存在すること。

## 入力エラー（終了ステータス 2）
error-io = 読み込めません：{ $reason }
error-outside-root = { $path } はプロジェクトのルート { $root } の外にあります
error-file-too-large = ファイルが { $bytes } バイトあり、上限の { $limit } バイトを超えています
error-bom = ファイルの先頭にバイト順マーク（BOM）があります
error-invalid-utf8 = 不正な UTF-8：バイト { $byte }
error-carriage-return = 復帰文字（CRLF 改行）があります
error-toml = TOML の書式が正しくありません：{ $reason }
error-missing-language = { $lang } のソースが見つかりません
error-duplicate-clause = 条項 ID `{ $id }` が重複しています（最初の宣言は { $first }）
error-block-too-large = ブロックが { $bytes } バイトあり、上限の { $limit } バイトを超えています
error-content-outside-clause = 最初の条項見出しより前に本文があります
error-git = { $reason }
error-render = { $edition } 版を組版できません：{ $reason }
error-write = { $path } に書き込めません：{ $reason }
error-no-project = { $dir } およびその親ディレクトリに codepub.toml がありません
help-bom = BOM なしの UTF-8 で保存してください
help-carriage-return = 改行を LF に変換してください（例：`dos2unix`）
help-invalid-utf8 = UTF-8 で保存してください
help-outside-root = ソースはプロジェクトのフォルダー内に置いてください。外を指すシンボリックリンクは使えません
help-duplicate-clause = 条項 ID は各言語で一度だけ使えます。どちらかの名前を変えてください
help-block-too-large = 段落を分けるか、codepub.toml の `content.max_block_bytes` を大きくしてください
help-content-outside-clause = ファイルを ID 付きの見出し（`# 見出し {"{"}#id{"}"}`）か `+++ clause = "id" +++` のフロントマターで始めてください
help-missing-language = { $lang } の Markdown ファイルを `content.dir` の言語フォルダーに置いてください
help-generic = `codepub check --help` を参照してください

## チェック
p001-missing-clause = 条項 `{ $id }` が日本語テキストにありません
p001-extra-clause = 条項 `{ $id }` は日本語テキストにしかありません
p001-out-of-order = 日本語テキストの条項 `{ $id }` の順序が英語と異なります
p001-missing-id = 見出しに条項 ID がありません
help-p001 = すべての条項に、両言語で同じ `{"{"}#id{"}"}` を一度ずつ、同じ順序で付けてください
p002-unmatched-block = { $kind } `{ $address }` に対応する日本語がありません
p002-extra-block = 日本語の { $kind } `{ $address }` に対応する英語がありません
p002-kind-mismatch = 英語の { $en } が日本語の { $ja } と対になっています
p002-item-count = リストの項目数が英語 { $en }、日本語 { $ja } です
help-p002 = 段落は条項内の順序で対になります。英語の各段落を日本語の一段落として訳してください
p003-reference-missing = 脚注参照 [^{ $label }] に対応するものが日本語の段落にありません
p003-reference-extra = 日本語の脚注参照 [^{ $label }] に対応するものが英語の段落にありません
p003-undefined = 脚注 [^{ $label }] は参照されていますが定義がありません
p003-unused = 脚注 [^{ $label }] は定義されていますが参照されていません
p003-definition-missing-ja = 脚注 [^{ $label }] は英語では定義されていますが日本語にはありません
p003-definition-missing-en = 脚注 [^{ $label }] は日本語では定義されていますが英語にはありません
help-p003 = 各脚注は両言語の同じ箇所で参照し、両言語で定義してください
p004-numbers-differ = 数字が一致しません：英語のみ { $en }、日本語のみ { $ja }
help-p004 = 日付は日付として比較します（23 February 2023 = 2023年2月23日）。その他の数字は両方に現れる必要があります
p005-markup-count = { $kind } が英語で { $en } 回、日本語で { $ja } 回使われています
p005-link-targets = リンク先が異なります：英語 { $en }、日本語 { $ja }
help-p005 = 両言語で同じ語句を強調してください。英語のイタリックは日本語の太字にできます（`check.markup.accepted`）
p006-final-punctuation = 段落の末尾が英語では { $en }、日本語では { $ja } です
help-p006 = 日本語の文末は英語に合わせてください：. は 。、: は ：
p007-half-width = 日本語テキスト中に半角の `{ $char }` があります
help-p007 = 日本語テキストでは全角を使ってください（例：（ ） 、 ：）
p008-no-japanese = 日本語テキストに日本語の文字がありません
p008-same-as-english = 日本語テキストが英語と同じです：未翻訳です
p008-bad-pattern = `check.untranslated.allow` のパターン { $pattern } は正しい正規表現ではありません
help-p008 = 翻訳するか、名称や数字のパターンを `check.untranslated.allow` に追加してください
p009-term-missing = 用語集：「{ $en }」は「{ $ja }」と訳してください
help-p009 = 用語集は content/glossary.toml です
p010-whitespace-line = 空白文字だけの行があります
p010-trailing = 行末に空白があります
p010-leading = 段落の行頭に空白があります
p010-double-space = 空白が二重になっています
help-p010 = ソース行の空白は何も印刷されないか、目に見える隙間になります。削除してください
p011-length-ratio = 英語 { $en } 文字に対し日本語は { $ja } 文字です（比率 { $ratio }、中央値 { $median }）
help-p011 = 比率が中央値から大きく外れるときは、文の訳し漏れや重複の可能性があります
p012-unsafe-link = リンク先 `{ $target }` は許可されていないため、各版から除かれます
help-p012 = リンク先は http(s)、mailto、相対参照のみにしてください
p013-stale = 日本語の承認後に英語が変更されました
p013-stale-ja = この英語に対して承認された後に日本語が変更されました
p013-unsigned = この翻訳はまだ承認されていません
help-p013 = 新しい英語と照らして日本語を見直し、`codepub sign-off { $clause }` を実行してください
p014-copyright-missing = 裏表紙に codepub.toml の著作権表示「{ $line }」がありません
p014-isbn-missing = 裏表紙に codepub.toml の ISBN { $isbn } が印刷されていません
p014-isbn-differs = 裏表紙の ISBN は { $found } ですが、codepub.toml では { $isbn } です
help-p014 = codepub.toml の版情報と裏表紙は一致している必要があります

## ラベル
label-only-english = 英語のみ
label-only-japanese = 日本語のみ
label-japanese-position = 日本語テキストではここ
label-english-position = 英語テキストではここ
label-no-japanese-counterpart = 対応する日本語なし
label-no-english-counterpart = 対応する英語なし
label-unmatched-item = 対応のない最初の項目
label-no-reference = ここに参照なし
label-japanese-ending = 日本語の末尾
label-english-ending = 英語の末尾
label-term-expected = ここに「{ $ja }」が必要
label-term-here = 「{ $en }」はここ
label-old-english = 承認時の英語
label-new-english = 現在の英語

## レポート
report-accepted-heading = { $path } で承認済み：
report-accepted = { $code } { $address }：{ $reason }
report-unused-baseline = どの指摘にも一致しない承認エントリー：{ $code } { $address }
report-summary = エラー { $errors } 件、警告 { $warnings } 件、承認済み { $accepted } 件
report-clean = 翻訳の対応は保たれています：{ $clauses } 条項、{ $pairs } 組の段落を確認しました
report-address = 位置 { $address }
report-build-refused = ソースにエラーがあるため公開しません（それでも公開するには --allow-errors）
report-built = { $path } を書き出しました
report-building = { $edition } 版を組版中（{ $format }）

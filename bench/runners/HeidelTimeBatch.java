import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads HeidelTime once and tags many documents: reads one UTF-8 file path per line on stdin,
 * answers with the TimeML of that file followed by a line holding only END_MARK.
 * Usage: java -cp heideltime.jar HeidelTimeBatch.java CONFIG LANGUAGE DOCTYPE
 */
public class HeidelTimeBatch {
    static final String END_MARK = "<<<HEIDELTIME-END>>>";

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.getLanguageFromString(args[1]),
            DocumentType.valueOf(args[2].toUpperCase()),
            OutputType.TIMEML,
            args[0],
            POSTagger.NO);
        out.println(END_MARK);  // ready
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            String text = Files.readString(Path.of(line), StandardCharsets.UTF_8);
            String result;
            try {
                result = tagger.process(text);
            } catch (Exception e) {
                result = "<!-- error: " + e + " -->";
            }
            out.println(result);
            out.println(END_MARK);
        }
    }
}

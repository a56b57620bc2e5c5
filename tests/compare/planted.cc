#include "compare/planted.h"

#include "test_util.h"

namespace actorgraph::testing {

void WritePlantedCorpus(const std::filesystem::path& dir) {
  WriteFile(dir / "gazetteer.json", kPlantedGazetteer);
  WriteFile(dir / "pro" / "p1.txt",
            "نعى المتحدث الشهيد سليماني وقال إن إيران فقدت قائدا كبيرا.\n\n"
            "وأكد أن الشهيد سليماني كان رمزا للمقاومة في إيران.\n");
  WriteFile(dir / "pro" / "p2.txt", "زار الشهيد سليماني إيران مرات عديدة.\n\nوتحدث عن المنطقة.\n");
  WriteFile(dir / "pro" / "p3.txt", "والشهيد سليماني قاد المعارك مع إيران.\n");
  WriteFile(dir / "anti" / "a1.txt",
            "قال مسؤول إن الإرهابي سليماني هدد الولايات المتحدة.\n\n"
            "وأضاف أن واشنطن ستواصل الضغط.\n");
  WriteFile(dir / "anti" / "a2.txt", "قتل الإرهابي سليماني في ضربة نفذتها الولايات المتحدة.\n");
  WriteFile(dir / "anti" / "a3.txt", "الإرهابي سليماني خطط لهجمات ضد الولايات المتحدة.\n");
}

}  // namespace actorgraph::testing

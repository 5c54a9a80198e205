// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/scenes/SceneRenderer.h"

#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"

#include <vtkActor.h>
#include <vtkVersion.h>
#include <vtkCamera.h>
#include <vtkCubeSource.h>
#include <vtkCylinderSource.h>
#include <vtkLight.h>
#include <vtkNew.h>
#include <vtkPlaneSource.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkSphereSource.h>
#include <vtkTransform.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <numeric>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace periscope::scenes {

namespace {

vtkSmartPointer<vtkActor> shapeActor(const SceneObject &o)
{
    vtkSmartPointer<vtkPolyDataAlgorithm> source;
    auto transform = vtkSmartPointer<vtkTransform>::New(); // applied to points last call first
    transform->Translate(o.position[0], o.position[1], o.position[2]);
    transform->RotateZ(o.rotation);
    if (o.shape == "sphere") {
        auto s = vtkSmartPointer<vtkSphereSource>::New();
        s->SetRadius(o.radius);
        s->SetThetaResolution(48);
        s->SetPhiResolution(32);
        source = s;
    } else if (o.shape == "cube") {
        auto c = vtkSmartPointer<vtkCubeSource>::New();
        c->SetXLength(2.0 * o.radius);
        c->SetYLength(2.0 * o.radius);
        c->SetZLength(2.0 * o.radius);
        source = c;
    } else {
        auto c = vtkSmartPointer<vtkCylinderSource>::New(); // along y: stood up on the ground
        c->SetRadius(o.radius);
        c->SetHeight(2.0 * o.radius);
        c->SetResolution(48);
        source = c;
        transform->RotateX(90.0);
    }
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    mapper->SetInputConnection(source->GetOutputPort());
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->SetUserTransform(transform);
    return actor;
}

vtkSmartPointer<vtkActor> groundActor()
{
    auto plane = vtkSmartPointer<vtkPlaneSource>::New();
    plane->SetOrigin(-40, -40, 0);
    plane->SetPoint1(40, -40, 0);
    plane->SetPoint2(-40, 40, 0);
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    mapper->SetInputConnection(plane->GetOutputPort());
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    return actor;
}

// The window's pixels as an 8-bit image, top row first.
Image readPixels(vtkRenderWindow *window, int width, int height, int channels)
{
    vtkNew<vtkUnsignedCharArray> data;
    window->GetPixelData(0, 0, width - 1, height - 1, 0, data); // front buffer off: the back buffer just rendered
    Image image(width, height, channels, PixelFormat::UInt8);
    const unsigned char *src = data->GetPointer(0);
    for (int y = 0; y < height; ++y) {
        const unsigned char *row = src + std::size_t(height - 1 - y) * std::size_t(width) * 3;
        std::uint8_t *dst = image.row(y);
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c)
                dst[x * channels + c] = row[x * 3 + c];
    }
    return image;
}

std::string sceneName(int index)
{
    char name[64];
    std::snprintf(name, sizeof name, "CLEVR_periscope_%06d", index);
    return name;
}

} // namespace

struct SceneRenderer::State {
    vtkNew<vtkRenderWindow> window;
};

SceneRenderer::SceneRenderer() : m_state(std::make_unique<State>())
{
    m_state->window->SetOffScreenRendering(1);
    m_state->window->SetMultiSamples(0); // exact ids in the mask pass
}

SceneRenderer::~SceneRenderer() = default;

RenderedScene SceneRenderer::render(Scene &scene)
{
    vtkRenderWindow *window = m_state->window;
    window->SetSize(scene.width, scene.height);
    auto setCamera = [&](vtkRenderer *renderer) {
        vtkCamera *camera = renderer->GetActiveCamera();
        camera->SetPosition(scene.camera.position.data());
        camera->SetFocalPoint(scene.camera.focus.data());
        camera->SetViewUp(0, 0, 1);
        camera->SetViewAngle(scene.camera.viewAngle);
        renderer->ResetCameraClippingRange();
    };
    RenderedScene out;

    // The photo: lit, rubber matte, metal shiny, a gray ground under a slightly lighter sky.
    {
        vtkNew<vtkRenderer> renderer;
        renderer->SetBackground(0.62, 0.62, 0.64);
        renderer->AutomaticLightCreationOff();
        vtkSmartPointer<vtkActor> ground = groundActor();
        ground->GetProperty()->SetColor(0.55, 0.55, 0.55);
        ground->GetProperty()->SetDiffuse(0.9);
        ground->GetProperty()->SetAmbient(0.25);
        renderer->AddActor(ground);
        for (const SceneObject &o : scene.objects) {
            vtkSmartPointer<vtkActor> actor = shapeActor(o);
            std::array<int, 3> rgb{128, 128, 128};
            for (const auto &[name, value] : clevrColors())
                if (name == o.color)
                    rgb = value;
            vtkProperty *p = actor->GetProperty();
            p->SetColor(rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0);
            p->SetAmbient(0.2);
            if (o.material == "metal") {
                p->SetDiffuse(0.5);
                p->SetSpecular(0.9);
                p->SetSpecularPower(60.0);
            } else {
                p->SetDiffuse(0.9);
                p->SetSpecular(0.05);
                p->SetSpecularPower(5.0);
            }
            renderer->AddActor(actor);
        }
        for (const SceneLight &l : scene.lights) {
            vtkNew<vtkLight> light;
            light->SetLightTypeToSceneLight();
            light->SetPosition(l.position.data());
            light->SetFocalPoint(0, 0, 0);
            light->SetIntensity(l.intensity);
            renderer->AddLight(light);
        }
        setCamera(renderer);
        window->AddRenderer(renderer);
        window->Render();
        out.rgb = readPixels(window, scene.width, scene.height, 3);
        // Pixel coordinates of the centres (origin top left) and their distance from the camera.
        for (SceneObject &o : scene.objects) {
            renderer->SetWorldPoint(o.position[0], o.position[1], o.position[2], 1.0);
            renderer->WorldToDisplay();
            double display[3];
            renderer->GetDisplayPoint(display);
            const double dx = o.position[0] - scene.camera.position[0], dy = o.position[1] - scene.camera.position[1],
                         dz = o.position[2] - scene.camera.position[2];
            o.pixelCoords = {display[0], double(scene.height - 1) - display[1], std::sqrt(dx * dx + dy * dy + dz * dz)};
        }
        window->RemoveRenderer(renderer);
    }

    // The mask: unlit, each object in its id as red, the ground and sky 0.
    {
        vtkNew<vtkRenderer> renderer;
        renderer->SetBackground(0, 0, 0);
        vtkSmartPointer<vtkActor> ground = groundActor();
        ground->GetProperty()->SetColor(0, 0, 0);
        ground->GetProperty()->LightingOff();
        renderer->AddActor(ground);
        for (std::size_t i = 0; i < scene.objects.size(); ++i) {
            vtkSmartPointer<vtkActor> actor = shapeActor(scene.objects[i]);
            actor->GetProperty()->LightingOff();
            actor->GetProperty()->SetColor(double(i + 1) / 255.0, 0.0, 0.0);
            renderer->AddActor(actor);
        }
        setCamera(renderer);
        window->AddRenderer(renderer);
        window->Render();
        const Image ids = readPixels(window, scene.width, scene.height, 3);
        window->RemoveRenderer(renderer);
        out.mask = Image(scene.width, scene.height, 1, PixelFormat::UInt8);
        const int n = int(scene.objects.size());
        std::vector<std::array<int, 4>> extent(std::size_t(n), {scene.width, scene.height, -1, -1});
        std::vector<int> counts(std::size_t(n), 0);
        for (int y = 0; y < scene.height; ++y)
            for (int x = 0; x < scene.width; ++x) {
                const int id = ids.row(y)[x * 3];
                const int object = id >= 1 && id <= n ? id : 0;
                out.mask.row(y)[x] = std::uint8_t(object);
                if (!object)
                    continue;
                std::array<int, 4> &e = extent[std::size_t(object - 1)];
                e = {std::min(e[0], x), std::min(e[1], y), std::max(e[2], x), std::max(e[3], y)};
                ++counts[std::size_t(object - 1)];
            }
        for (int i = 0; i < n; ++i) {
            SceneObject &o = scene.objects[std::size_t(i)];
            o.visiblePixels = counts[std::size_t(i)];
            const std::array<int, 4> &e = extent[std::size_t(i)];
            o.box = counts[std::size_t(i)] > 0 ? std::array<int, 4>{e[0], e[1], e[2] - e[0] + 1, e[3] - e[1] + 1} : std::array<int, 4>{0, 0, 0, 0};
        }
    }
    return out;
}

Scene generateScene(SceneRenderer &renderer, const SceneSettings &settings, std::uint64_t seed, int index, RenderedScene *rendered)
{
    const double area = double(settings.width) * settings.height / (480.0 * 320.0);
    const int minimum = std::max(1, int(std::lround(settings.minVisiblePixels * area)));
    for (int attempt = 0; attempt < 100; ++attempt) {
        Scene scene = sampleScene(settings, seed, index, attempt);
        RenderedScene r = renderer.render(scene);
        const bool allVisible = std::all_of(scene.objects.begin(), scene.objects.end(),
                                            [&](const SceneObject &o) { return o.visiblePixels >= minimum; });
        if (allVisible) {
            if (rendered)
                *rendered = std::move(r);
            return scene;
        }
    }
    throw Error("scenes: no draw of scene " + std::to_string(index) + " left every object visible; use fewer objects or a larger image");
}

json::Value DatasetSummary::toJson() const
{
    return json::Object{{"scenes", scenes}, {"objects", objects}, {"seconds", seconds}};
}

namespace {
namespace fs = std::filesystem;

// Whole or not at all: a reader never sees half a file.
void writeJsonFile(const fs::path &path, const json::Value &value)
{
    const fs::path temporary = path.string() + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << value.dump(1) << '\n';
        if (!out)
            throw Error("scenes: cannot write " + path.string() + " (is the disk full?)");
    }
    fs::rename(temporary, path);
}

void checkCount(int count)
{
    if (count < 1 || count > 1000000)
        throw Error("scenes: the count must be between 1 and 1000000");
}
} // namespace

std::vector<json::Value> renderScenes(const std::string &folder, int count, std::uint64_t seed, const SceneSettings &settings,
                                      const std::vector<int> &indices, const JobControl &job)
{
    checkCount(count);
    std::error_code error;
    for (const char *sub : {"images", "masks", "scenes"}) {
        fs::create_directories(fs::path(folder) / sub, error);
        if (error)
            throw Error("scenes: cannot create " + (fs::path(folder) / sub).string() + ": " + error.message());
    }
    SceneRenderer renderer;
    std::vector<json::Value> descriptions;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        const int i = indices[k];
        if (i < 0 || i >= count)
            throw Error("scenes: scene " + std::to_string(i) + " is not one of the " + std::to_string(count));
        job.throwIfCancelled();
        job.reportProgress(double(k) / double(indices.size()), "scene " + std::to_string(k + 1) + " of " + std::to_string(indices.size()));
        RenderedScene rendered;
        Scene scene = generateScene(renderer, settings, seed, i, &rendered);
        const std::string name = sceneName(i);
        scene.imageFile = name + ".png";
        scene.maskFile = name + ".png";
        media::writeImage((fs::path(folder) / "images" / scene.imageFile).string(), rendered.rgb);
        media::writeImage((fs::path(folder) / "masks" / scene.maskFile).string(), rendered.mask);
        json::Value description = scene.toJson();
        writeJsonFile(fs::path(folder) / "scenes" / (name + ".json"), description);
        descriptions.push_back(std::move(description));
    }
    return descriptions;
}

DatasetSummary writeDatasetIndex(const std::string &folder, std::uint64_t seed, const SceneSettings &settings,
                                 const std::vector<json::Value> &descriptions)
{
    const int count = int(descriptions.size());
    checkCount(count);
    DatasetSummary summary;
    summary.scenes = count;
    for (const json::Value &description : descriptions) {
        const json::Value *objects = description.find("objects");
        summary.objects += objects ? int(objects->asArray().size()) : 0;
    }
    json::Value info = json::Object{{"split", "periscope"}, {"version", "1.0"}, {"seed", std::to_string(seed)}};
    writeJsonFile(fs::path(folder) / "scenes.json",
                  json::Object{{"info", info}, {"scenes", json::Value(json::Array(descriptions.begin(), descriptions.end()))}});
    json::Value manifest = json::Object{};
    manifest.set("format", "periscope-scenes");
    manifest.set("version", 1);
    manifest.set("seed", std::to_string(seed));
    manifest.set("count", count);
    manifest.set("width", settings.width);
    manifest.set("height", settings.height);
    manifest.set("objects", json::Array{settings.minObjects, settings.maxObjects});
    if (settings.selectivePredicates())
        manifest.set("relations", json::Object{{"stack_probability", settings.stackProbability},
                                               {"touch_probability", settings.touchProbability},
                                               {"touch_distance", settings.touchDistance}});
    manifest.set("images", "images");
    manifest.set("masks", "masks");
    manifest.set("scenes", "scenes.json");
    manifest.set("scene_count", summary.scenes);
    manifest.set("object_count", summary.objects); // (no timings: the same seed gives the same files)
    writeJsonFile(fs::path(folder) / "manifest.json", manifest);
    return summary;
}

DatasetSummary generateDataset(const std::string &folder, int count, std::uint64_t seed, const SceneSettings &settings, const JobControl &job)
{
    const auto started = std::chrono::steady_clock::now();
    checkCount(count);
    std::vector<int> all(static_cast<std::size_t>(count));
    std::iota(all.begin(), all.end(), 0);
    DatasetSummary summary = writeDatasetIndex(folder, seed, settings, renderScenes(folder, count, seed, settings, all, job));
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    job.reportProgress(1.0, "done");
    return summary;
}

std::string vtkVersion()
{
    return ::vtkVersion::GetVTKVersion();
}

} // namespace periscope::scenes
